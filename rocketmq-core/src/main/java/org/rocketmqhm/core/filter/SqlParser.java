package org.rocketmqhm.core.filter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the SQL92 filter grammar (precedence NOT &gt; AND &gt; OR):
 *
 * <pre>
 * expression := or EOF
 * or         := and ( OR and )*
 * and        := not ( AND not )*
 * not        := NOT not | primary
 * primary    := '(' or ')' | TRUE | FALSE | predicate | reversed
 * reversed   := ( number | string ) op IDENT
 * predicate  := IDENT ( op literal
 *                     | [NOT] BETWEEN number AND number
 *                     | [NOT] IN '(' string ( ',' string )* ')'
 *                     | IS [NOT] NULL )
 * op         := '=' | '&lt;&gt;' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
 * literal    := number | string | TRUE | FALSE
 * number     := [ '+' | '-' ] ( INTEGER [L] | DECIMAL )
 * </pre>
 *
 * Ordering operators and BETWEEN need numeric literals, IN needs string literals and NULL is only allowed in
 * {@code IS [NOT] NULL} (as Apache 4.9 requires). Unlike Apache 4.9, NOT applies to a whole predicate
 * ({@code NOT a = 1} is {@code NOT (a = 1)}), trailing tokens are an error, and a bare property name or a
 * property-to-property comparison is rejected.
 * One instance per parse; not thread-safe.
 */
final class SqlParser {

    private final List<Token> tokens;
    private int index;

    private SqlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * @param expression the expression text (not null)
     * @return the root condition
     * @throws FilterException when the text is not a valid expression
     */
    static Condition parse(String expression) {
        if (expression.isBlank()) {
            throw new FilterException("empty expression", -1);
        }
        SqlParser parser = new SqlParser(SqlLexer.tokenize(expression));
        Condition root = parser.or();
        Token rest = parser.peek();
        if (rest.kind() == TokenKind.RPAREN) {
            throw new FilterException("unbalanced ')'", rest.position());
        }
        if (rest.kind() != TokenKind.EOF) {
            throw unexpected(rest, "AND, OR or end of expression");
        }
        return root;
    }

    private Condition or() {
        Condition left = and();
        while (accept(TokenKind.OR)) {
            left = new LogicalConditions.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = not();
        while (accept(TokenKind.AND)) {
            left = new LogicalConditions.And(left, not());
        }
        return left;
    }

    private Condition not() {
        if (accept(TokenKind.NOT)) {
            return new LogicalConditions.Not(not());
        }
        return primary();
    }

    private Condition primary() {
        Token t = next();
        switch (t.kind()) {
            case LPAREN -> {
                Condition inner = or();
                Token close = next();
                if (close.kind() != TokenKind.RPAREN) {
                    if (close.kind() == TokenKind.EOF) {
                        throw new FilterException("unbalanced '('", t.position(), "missing ')'");
                    }
                    throw unexpected(close, "')'");
                }
                return inner;
            }
            case TRUE -> {
                return new LogicalConditions.Constant(Tri.TRUE);
            }
            case FALSE -> {
                return new LogicalConditions.Constant(Tri.FALSE);
            }
            case IDENTIFIER -> {
                return predicate(t.text());
            }
            case STRING, INTEGER, DECIMAL, PLUS, MINUS -> {
                index--;
                return reversedComparison();
            }
            default -> throw unexpected(t, "a property name, NOT or '('");
        }
    }

    private Condition predicate(String name) {
        Token t = next();
        ComparisonOperator op = ComparisonOperator.of(t.kind());
        if (op != null) {
            return comparison(name, op);
        }
        switch (t.kind()) {
            case NOT -> {
                Token after = next();
                if (after.kind() == TokenKind.BETWEEN) {
                    return between(name, true);
                }
                if (after.kind() == TokenKind.IN) {
                    return in(name, true);
                }
                throw unexpected(after, "BETWEEN or IN after NOT");
            }
            case BETWEEN -> {
                return between(name, false);
            }
            case IN -> {
                return in(name, false);
            }
            case IS -> {
                boolean negated = accept(TokenKind.NOT);
                expect(TokenKind.NULL, "NULL");
                return new PropertyConditions.NullCheck(name, !negated);
            }
            default -> throw unexpected(t, "a comparison operator, BETWEEN, IN or IS after '" + name + "'");
        }
    }

    private Condition comparison(String name, ComparisonOperator op) {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                next();
                requireEquality(op, t);
                return new PropertyConditions.StringEquality(name, t.text(), op == ComparisonOperator.NE);
            }
            case TRUE, FALSE -> {
                next();
                requireEquality(op, t);
                return new PropertyConditions.BooleanEquality(name, t.kind() == TokenKind.TRUE,
                        op == ComparisonOperator.NE);
            }
            case NULL -> throw new FilterException("'NULL' cannot be compared", t.position(),
                    "use IS NULL or IS NOT NULL");
            case INTEGER, DECIMAL, PLUS, MINUS -> {
                return new PropertyConditions.NumericComparison(name, op, number());
            }
            default -> throw unexpected(t, "a literal after '" + op.symbol() + "'");
        }
    }

    /** {@code literal op name}, e.g. {@code 5 < a}: rewritten as {@code a > 5}. */
    private Condition reversedComparison() {
        Token literal = peek();
        NumericLiteral number = literal.kind() == TokenKind.STRING ? null : number();
        if (number == null) {
            next();
        }
        Token opToken = next();
        ComparisonOperator op = ComparisonOperator.of(opToken.kind());
        if (op == null) {
            throw unexpected(opToken, "a comparison operator after " + literal.describe());
        }
        Token name = next();
        if (name.kind() != TokenKind.IDENTIFIER) {
            throw unexpected(name, "a property name after '" + op.symbol() + "'");
        }
        if (number != null) {
            return new PropertyConditions.NumericComparison(name.text(), op.mirrored(), number);
        }
        requireEquality(op, literal);
        return new PropertyConditions.StringEquality(name.text(), literal.text(), op == ComparisonOperator.NE);
    }

    private static void requireEquality(ComparisonOperator op, Token literal) {
        if (!op.isEquality()) {
            throw new FilterException("operator '" + op.symbol() + "' cannot compare " + literal.describe(),
                    literal.position(), "ordering operators need a numeric literal");
        }
    }

    private Condition between(String name, boolean negated) {
        NumericLiteral low = number();
        expect(TokenKind.AND, "AND");
        NumericLiteral high = number();
        return new PropertyConditions.Between(name, low, high, negated);
    }

    private Condition in(String name, boolean negated) {
        expect(TokenKind.LPAREN, "'('");
        Set<String> values = new LinkedHashSet<>();
        do {
            Token t = next();
            if (t.kind() != TokenKind.STRING) {
                throw unexpected(t, "a string literal in IN list");
            }
            values.add(t.text());
        } while (accept(TokenKind.COMMA));
        Token close = next();
        if (close.kind() != TokenKind.RPAREN) {
            throw unexpected(close, "',' or ')' in IN list");
        }
        return new PropertyConditions.In(name, values, negated);
    }

    private NumericLiteral number() {
        Token t = next();
        boolean negative = false;
        Token sign = null;
        if (t.kind() == TokenKind.MINUS || t.kind() == TokenKind.PLUS) {
            negative = t.kind() == TokenKind.MINUS;
            sign = t;
            t = next();
        }
        if (t.kind() != TokenKind.INTEGER && t.kind() != TokenKind.DECIMAL) {
            throw unexpected(t, "a numeric literal");
        }
        int position = sign != null ? sign.position() : t.position();
        String text = negative ? "-" + t.text() : t.text();
        try {
            if (t.kind() == TokenKind.INTEGER) {
                String digits = text.endsWith("L") || text.endsWith("l") ? text.substring(0, text.length() - 1) : text;
                return NumericLiteral.ofLong(Long.parseLong(digits));
            }
            double d = Double.parseDouble(text);
            if (Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return NumericLiteral.ofDouble(d);
        } catch (NumberFormatException e) {
            throw new FilterException("bad numeric literal '" + text + "'", position, "out of range");
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token t = tokens.get(index);
        if (t.kind() != TokenKind.EOF) {
            index++;
        }
        return t;
    }

    private boolean accept(TokenKind kind) {
        if (peek().kind() == kind) {
            index++;
            return true;
        }
        return false;
    }

    private void expect(TokenKind kind, String what) {
        Token t = next();
        if (t.kind() != kind) {
            throw unexpected(t, what);
        }
    }

    private static FilterException unexpected(Token t, String expected) {
        if (t.kind() == TokenKind.EOF) {
            return new FilterException("unexpected end of expression", t.position(), "expected " + expected);
        }
        return new FilterException("unexpected token " + t.describe(), t.position(), "expected " + expected);
    }
}
