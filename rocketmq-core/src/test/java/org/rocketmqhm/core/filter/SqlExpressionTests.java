package org.rocketmqhm.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlExpressionTests {

    private static final Map<String, String> PROPS = sampleProperties();

    static Map<String, String> sampleProperties() {
        Map<String, String> m = new HashMap<>();
        m.put("a", "5");
        m.put("neg", "-3");
        m.put("price", "9.99");
        m.put("sci", "1.5e3");
        m.put("b", "abc");
        m.put("TAGS", "TagA");
        m.put("flag", "true");
        m.put("off", "FALSE");
        m.put("quote", "it's");
        m.put("big", "9223372036854775807");
        m.put("huge", "92233720368547758070");
        m.put("empty", "");
        m.put("$x_1", "7");
        m.put("num_str", "42");
        return m;
    }

    static Stream<Arguments> matching() {
        return Stream.of(
                // numeric comparisons
                Arguments.of("a = 5", true), Arguments.of("a = 6", false),
                Arguments.of("a <> 6", true), Arguments.of("a <> 5", false),
                Arguments.of("a > 4", true), Arguments.of("a > 5", false),
                Arguments.of("a >= 5", true), Arguments.of("a >= 6", false),
                Arguments.of("a < 6", true), Arguments.of("a < 5", false),
                Arguments.of("a <= 5", true), Arguments.of("a <= 4", false),
                Arguments.of("a = 5L", true), Arguments.of("a = 5l", true),
                Arguments.of("a = 5.0", true), Arguments.of("a > 4.5", true), Arguments.of("a < 5.01", true),
                Arguments.of("a>4", true), Arguments.of("a>=5 AND a<=5", true), Arguments.of("(a=5)AND(b='abc')", true),
                Arguments.of("neg < 0", true), Arguments.of("neg = -3", true), Arguments.of("neg > -3.5", true),
                Arguments.of("a > -10", true), Arguments.of("a = +5", true),
                Arguments.of("price > 9", true), Arguments.of("price = 9.99", true), Arguments.of("price < 10", true),
                Arguments.of("price > .5", true),
                Arguments.of("sci = 1500", true), Arguments.of("sci > 1e3", true), Arguments.of("a < 1E1", true),
                Arguments.of("big = 9223372036854775807", true), Arguments.of("big > 9223372036854775806", true),
                Arguments.of("huge > 9223372036854775807", true),
                Arguments.of("num_str = 42", true), Arguments.of("num_str = '42'", true),
                Arguments.of("num_str = '42.0'", false), Arguments.of("num_str = 42.0", true),
                // a non-numeric value in a numeric comparison is FALSE (and NOT makes it TRUE)
                Arguments.of("b > 1", false), Arguments.of("b = 1", false), Arguments.of("b <> 1", false),
                Arguments.of("NOT b > 1", true), Arguments.of("empty = 0", false),
                // BETWEEN
                Arguments.of("a BETWEEN 1 AND 5", true), Arguments.of("a BETWEEN 5 AND 9", true),
                Arguments.of("a BETWEEN 6 AND 9", false), Arguments.of("a NOT BETWEEN 6 AND 9", true),
                Arguments.of("a NOT BETWEEN 1 AND 9", false), Arguments.of("price BETWEEN 9.5 AND 10", true),
                Arguments.of("neg BETWEEN -5 AND -1", true), Arguments.of("b BETWEEN 1 AND 2", false),
                Arguments.of("b NOT BETWEEN 1 AND 2", false),
                Arguments.of("a BETWEEN 1 AND 9 AND b = 'abc'", true),
                // strings
                Arguments.of("b = 'abc'", true), Arguments.of("b = 'ABC'", false), Arguments.of("b <> 'x'", true),
                Arguments.of("b <> 'abc'", false), Arguments.of("quote = 'it''s'", true),
                Arguments.of("empty = ''", true), Arguments.of("a = '5'", true),
                Arguments.of("b = 'a b'", false),
                // IN
                Arguments.of("TAGS IN ('TagA', 'TagB')", true), Arguments.of("TAGS IN ('TagB')", false),
                Arguments.of("TAGS NOT IN ('TagB', 'TagC')", true), Arguments.of("TAGS NOT IN ('TagA')", false),
                Arguments.of("quote IN ('it''s')", true), Arguments.of("TAGS in('TagA')", true),
                // TAGS as a property
                Arguments.of("TAGS = 'TagA'", true), Arguments.of("TAGS = 'taga'", false),
                // null checks
                Arguments.of("a IS NULL", false), Arguments.of("a IS NOT NULL", true),
                Arguments.of("missing IS NULL", true), Arguments.of("missing IS NOT NULL", false),
                Arguments.of("empty IS NOT NULL", true),
                // missing property: every comparison is UNKNOWN -> no match, also under NOT
                Arguments.of("missing = 1", false), Arguments.of("missing <> 1", false),
                Arguments.of("missing > 1", false), Arguments.of("NOT missing > 1", false),
                Arguments.of("missing = 'x'", false), Arguments.of("missing <> 'x'", false),
                Arguments.of("missing IN ('x')", false), Arguments.of("missing NOT IN ('x')", false),
                Arguments.of("missing BETWEEN 1 AND 2", false), Arguments.of("missing NOT BETWEEN 1 AND 2", false),
                Arguments.of("missing = TRUE", false),
                Arguments.of("missing > 1 OR a = 5", true), Arguments.of("missing > 1 AND a = 5", false),
                Arguments.of("NOT (missing > 1 AND a = 6)", true), Arguments.of("NOT (missing > 1 OR a = 6)", false),
                // booleans
                Arguments.of("flag = TRUE", true), Arguments.of("flag = FALSE", false),
                Arguments.of("flag <> FALSE", true), Arguments.of("off = false", true),
                Arguments.of("b = TRUE", false), Arguments.of("b <> TRUE", true),
                Arguments.of("TRUE", true), Arguments.of("FALSE", false), Arguments.of("NOT FALSE", true),
                // logic and precedence: NOT > AND > OR
                Arguments.of("a = 5 AND b = 'abc'", true), Arguments.of("a = 5 AND b = 'x'", false),
                Arguments.of("a = 6 OR b = 'abc'", true), Arguments.of("a = 6 OR b = 'x'", false),
                Arguments.of("a = 5 OR a = 6 AND b = 'x'", true),
                Arguments.of("(a = 5 OR a = 6) AND b = 'x'", false),
                Arguments.of("a = 6 AND b = 'x' OR TAGS = 'TagA'", true),
                Arguments.of("a = 6 AND (b = 'x' OR TAGS = 'TagA')", false),
                Arguments.of("NOT a = 6 AND b = 'abc'", true),
                Arguments.of("NOT a = 5 OR b = 'abc'", true),
                Arguments.of("NOT (a = 5 OR b = 'abc')", false),
                Arguments.of("NOT NOT a = 5", true),
                Arguments.of("((a = 5))", true), Arguments.of("(((a > 1) AND (a < 9)))", true),
                Arguments.of("NOT (a > 1 AND a < 9)", false),
                // keywords are case-insensitive, identifiers are not
                Arguments.of("a between 1 and 9 and tags is null", true),
                Arguments.of("A = 5", false), Arguments.of("Tags IS NOT NULL", false),
                Arguments.of("b Not In ('x') oR a iS nUlL", true),
                Arguments.of("flag = True", true),
                Arguments.of("$x_1 = 7", true),
                // whitespace
                Arguments.of("  a\t=\n5  ", true),
                // Apache examples
                Arguments.of("(TAGS is not null and TAGS in ('TagA', 'TagB')) AND (a is not null and a between 0 AND 3)",
                        false),
                Arguments.of("(TAGS IN ('TagA', 'TagB')) AND (a BETWEEN 4 AND 7) AND (b = 'abc')", true));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("matching")
    void evaluatesAgainstProperties(String expression, boolean expected) {
        assertThat(SqlExpression.compile(expression).evaluate(PROPS)).as(expression).isEqualTo(expected);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", "empty expression"),
                Arguments.of("   ", "empty expression"),
                Arguments.of("(a = 1", "unbalanced '(' at position 0: missing ')'"),
                Arguments.of("((a = 1) AND b = 2", "unbalanced '(' at position 0: missing ')'"),
                Arguments.of("a = 1)", "unbalanced ')' at position 5"),
                Arguments.of("()", "unexpected token ')' at position 1"),
                Arguments.of("a = 1 AND", "unexpected end of expression at position 9: expected a property name"),
                Arguments.of("a = 1 AND AND b = 2", "unexpected token 'AND' at position 10"),
                Arguments.of("AND a = 1", "unexpected token 'AND' at position 0"),
                Arguments.of("a = 1 OR", "unexpected end of expression at position 8"),
                Arguments.of("a = 1 b = 2", "unexpected token 'b' at position 6: expected AND, OR or end"),
                Arguments.of("a =", "unexpected end of expression at position 3: expected a literal after '='"),
                Arguments.of("a", "unexpected end of expression at position 1: expected a comparison operator"),
                Arguments.of("NOT", "unexpected end of expression at position 3"),
                Arguments.of("a == 1", "unknown operator '==' at position 2: use '='"),
                Arguments.of("a != 1", "unknown operator '!=' at position 2: use '<>'"),
                Arguments.of("a LIKE 'x%'", "unexpected token 'LIKE' at position 2: expected a comparison operator"),
                Arguments.of("a ~ 1", "unexpected character '~' at position 2"),
                Arguments.of("a = \"x\"", "unexpected character '\"' at position 4: strings use single quotes"),
                Arguments.of("a = 'x", "unterminated string literal at position 4"),
                Arguments.of("a = 'it''s", "unterminated string literal at position 4"),
                Arguments.of("a = NULL", "'NULL' cannot be compared at position 4: use IS NULL or IS NOT NULL"),
                Arguments.of("a <> NULL", "'NULL' cannot be compared at position 5"),
                Arguments.of("5 a", "unexpected token 'a' at position 2: expected a comparison operator after '5'"),
                Arguments.of("5 = 6", "unexpected token '6' at position 4: expected a property name after '='"),
                Arguments.of("'x' > a", "operator '>' cannot compare string 'x' at position 0"),
                Arguments.of("a = 12abc", "bad numeric literal '12abc' at position 4"),
                Arguments.of("a = 1.2.3", "bad numeric literal '1.2.3' at position 4"),
                Arguments.of("a = 1e", "bad numeric literal '1e' at position 4"),
                Arguments.of("a = 1.5L", "bad numeric literal '1.5L' at position 4"),
                Arguments.of("a = 99999999999999999999", "bad numeric literal '99999999999999999999' at position 4"),
                Arguments.of("a = 1e999", "bad numeric literal '1e999' at position 4: out of range"),
                Arguments.of("a > 'x'", "operator '>' cannot compare string 'x' at position 4"),
                Arguments.of("a <= TRUE", "operator '<=' cannot compare 'TRUE' at position 5"),
                Arguments.of("a < NULL", "'NULL' cannot be compared at position 4"),
                Arguments.of("a BETWEEN 'x' AND 'y'", "unexpected token string 'x' at position 10: expected a numeric"),
                Arguments.of("a BETWEEN 1 OR 2", "unexpected token 'OR' at position 12: expected AND"),
                Arguments.of("a BETWEEN 1", "unexpected end of expression at position 11: expected AND"),
                Arguments.of("a IN 'x'", "unexpected token string 'x' at position 5: expected '('"),
                Arguments.of("a IN ()", "unexpected token ')' at position 6: expected a string literal in IN list"),
                Arguments.of("a IN (1, 2)", "unexpected token '1' at position 6: expected a string literal"),
                Arguments.of("a IN ('x',)", "unexpected token ')' at position 10"),
                Arguments.of("a IN ('x'", "unexpected end of expression at position 9: expected ',' or ')'"),
                Arguments.of("a NOT = 1", "unexpected token '=' at position 6: expected BETWEEN or IN after NOT"),
                Arguments.of("a IS 1", "unexpected token '1' at position 5: expected NULL"),
                Arguments.of("NOT 5", "unexpected end of expression at position 5: expected a comparison operator"),
                Arguments.of("a = b", "unexpected token 'b' at position 4: expected a literal"),
                Arguments.of("IN = 1", "unexpected token 'IN' at position 0"),
                Arguments.of("a = - 'x'", "unexpected token string 'x' at position 6: expected a numeric literal"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void rejectsMalformedExpressionsWithClearMessages(String expression, String message) {
        assertThatThrownBy(() -> SqlExpression.compile(expression))
                .isInstanceOf(FilterException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void documentedExamplesCompile() {
        for (String example : new String[] {
                "TAGS IN ('TagA', 'TagB') AND a BETWEEN 0 AND 3",
                "(TAGS IS NOT NULL AND TAGS IN ('TagA')) AND (a IS NOT NULL AND a > 10)",
                "region = 'eu-west' AND NOT (priority < 5 OR vip = FALSE)",
                "amount >= 99.5 OR customer IN ('it''s me', 'bob')",
                "orderId IS NULL"}) {
            assertThat(SqlExpression.compile(example).text()).isEqualTo(example);
        }
        assertThat(SqlExpression.compile("region = 'eu-west' AND NOT (priority < 5 OR vip = FALSE)")
                .evaluate(Map.of("region", "eu-west", "priority", "7", "vip", "true"))).isTrue();
    }

    @Test
    void nullExpressionIsRejected() {
        assertThatThrownBy(() -> SqlExpression.compile(null)).isInstanceOf(FilterException.class)
                .hasMessage("empty expression");
    }

    @Test
    void exceptionCarriesThePosition() {
        FilterException e = org.junit.jupiter.api.Assertions.assertThrows(FilterException.class,
                () -> SqlExpression.compile("a = 1 AND AND b = 2"));
        assertThat(e.position()).isEqualTo(10);
        assertThat(e.getMessage()).isEqualTo("unexpected token 'AND' at position 10: expected a property name, NOT or '('");
    }

    @Test
    void compiledExpressionsAreCachedByText() {
        SqlExpression first = SqlExpression.compile("cached_a > 1");
        assertThat(SqlExpression.compile("cached_a > 1")).isSameAs(first);
        assertThat(first.text()).isEqualTo("cached_a > 1");
        assertThat(first).hasToString("cached_a > 1");
    }

    @Test
    void cacheIsBounded() {
        SqlExpressionCache cache = new SqlExpressionCache(8);
        for (int i = 0; i < 100; i++) {
            assertThat(cache.get("a = " + i).evaluate(Map.of("a", Integer.toString(i)))).isTrue();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(8);
        assertThatThrownBy(() -> cache.get("a = ")).isInstanceOf(FilterException.class);
        assertThat(cache.size()).isLessThanOrEqualTo(8);
    }

    @Test
    void nullOrEmptyPropertiesNeverMatchComparisons() {
        SqlExpression e = SqlExpression.compile("a = 1 OR a IS NULL");
        assertThat(e.evaluate(null)).isTrue();
        assertThat(e.evaluate(Map.of())).isTrue();
        assertThat(SqlExpression.compile("a = 1").evaluate(null)).isFalse();
    }

    @Test
    void parsesWithTheRightPrecedence() {
        assertThat(SqlExpression.compileUncached("x = 1 OR y = 2 AND NOT z = 3").tree())
                .startsWith("Or[left=NumericComparison[name=x")
                .contains("right=And[left=NumericComparison[name=y")
                .contains("right=Not[operand=NumericComparison[name=z");
    }

    @Test
    void compiledExpressionIsReusableAcrossManyEvaluations() {
        SqlExpression unknown = SqlExpression.compile(
                "(TAGS IN ('TagA', 'TagB')) AND a BETWEEN 1 AND 9 AND b <> 'x' AND price > 1.5 AND NOT missing = 1");
        SqlExpression matching = SqlExpression.compile("TAGS IN ('TagA', 'TagB') AND a BETWEEN 1 AND 9 AND b <> 'x'");
        Map<String, String> props = Map.of("TAGS", "TagA", "a", "5", "b", "abc", "price", "9.99");
        int unknownMatched = 0;
        int matched = 0;
        for (int i = 0; i < 100_000; i++) {
            unknownMatched += unknown.evaluate(props) ? 1 : 0;
            matched += matching.evaluate(props) ? 1 : 0;
        }
        assertThat(unknownMatched).as("NOT missing = 1 is UNKNOWN, never TRUE").isZero();
        assertThat(matched).isEqualTo(100_000);
    }
}
