package org.rocketmqhm.core.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL92 filter expression into tokens. Whitespace separates tokens; identifiers are
 * {@code [A-Za-z_$][A-Za-z0-9_$]*} (keywords recognised case-insensitively); numbers are integers with an optional
 * {@code L} suffix or decimals with an optional exponent ({@code 1.5}, {@code .5}, {@code 2e3}); strings are
 * single-quoted with {@code ''} standing for one quote. Signs are separate tokens (the parser folds them into
 * numeric literals). Stateless; one instance per call of {@link #tokenize(String)}.
 */
final class SqlLexer {

    private final String src;
    private int pos;

    private SqlLexer(String src) {
        this.src = src;
    }

    /**
     * @param expression the expression text
     * @return the tokens, always ending with {@link TokenKind#EOF}
     * @throws FilterException on a character or literal that is not part of the grammar
     */
    static List<Token> tokenize(String expression) {
        return new SqlLexer(expression).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= src.length()) {
                tokens.add(new Token(TokenKind.EOF, "", pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private Token next() {
        int start = pos;
        char c = src.charAt(pos);
        if (isIdentifierStart(c)) {
            return word(start);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
            return number(start);
        }
        if (c == '\'') {
            return string(start);
        }
        pos++;
        return switch (c) {
            case '(' -> new Token(TokenKind.LPAREN, "(", start);
            case ')' -> new Token(TokenKind.RPAREN, ")", start);
            case ',' -> new Token(TokenKind.COMMA, ",", start);
            case '+' -> new Token(TokenKind.PLUS, "+", start);
            case '-' -> new Token(TokenKind.MINUS, "-", start);
            case '=' -> {
                if (peek('=')) {
                    throw new FilterException("unknown operator '=='", start, "use '='");
                }
                yield new Token(TokenKind.EQ, "=", start);
            }
            case '<' -> {
                if (peek('>')) {
                    pos++;
                    yield new Token(TokenKind.NE, "<>", start);
                }
                if (peek('=')) {
                    pos++;
                    yield new Token(TokenKind.LE, "<=", start);
                }
                yield new Token(TokenKind.LT, "<", start);
            }
            case '>' -> {
                if (peek('=')) {
                    pos++;
                    yield new Token(TokenKind.GE, ">=", start);
                }
                yield new Token(TokenKind.GT, ">", start);
            }
            case '!' -> throw peek('=') ? new FilterException("unknown operator '!='", start, "use '<>'")
                    : new FilterException("unexpected character '!'", start);
            case '"' -> throw new FilterException("unexpected character '\"'", start, "strings use single quotes");
            default -> throw new FilterException("unexpected character '" + c + "'", start);
        };
    }

    private boolean peek(char expected) {
        return pos < src.length() && src.charAt(pos) == expected;
    }

    private Token word(int start) {
        pos++;
        while (pos < src.length() && isIdentifierPart(src.charAt(pos))) {
            pos++;
        }
        String word = src.substring(start, pos);
        return new Token(TokenKind.keywordOrIdentifier(word), word, start);
    }

    private Token number(int start) {
        boolean decimal = false;
        digits();
        if (peek('.')) {
            decimal = true;
            pos++;
            digits();
        }
        if (peek('e') || peek('E')) {
            decimal = true;
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            int expStart = pos;
            digits();
            if (pos == expStart) {
                throw new FilterException("bad numeric literal '" + src.substring(start, pos) + "'", start);
            }
        } else if (!decimal && (peek('L') || peek('l'))) {
            pos++;
        }
        if (pos < src.length() && isIdentifierStart(src.charAt(pos)) && keywordFollows()) {
            return new Token(decimal ? TokenKind.DECIMAL : TokenKind.INTEGER, src.substring(start, pos), start);
        }
        if (pos < src.length() && (isIdentifierPart(src.charAt(pos)) || src.charAt(pos) == '.')) {
            while (pos < src.length() && (isIdentifierPart(src.charAt(pos)) || src.charAt(pos) == '.')) {
                pos++;
            }
            throw new FilterException("bad numeric literal '" + src.substring(start, pos) + "'", start);
        }
        return new Token(decimal ? TokenKind.DECIMAL : TokenKind.INTEGER, src.substring(start, pos), start);
    }

    /** Whether a keyword starts at {@link #pos} (so {@code 5AND} reads as {@code 5 AND}, as Apache's lexer does). */
    private boolean keywordFollows() {
        int end = pos;
        while (end < src.length() && isIdentifierPart(src.charAt(end))) {
            end++;
        }
        return TokenKind.keywordOrIdentifier(src.substring(pos, end)) != TokenKind.IDENTIFIER;
    }

    private void digits() {
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
    }

    private Token string(int start) {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '\'') {
                if (peek('\'')) {
                    value.append('\'');
                    pos++;
                } else {
                    return new Token(TokenKind.STRING, value.toString(), start);
                }
            } else {
                value.append(c);
            }
        }
        throw new FilterException("unterminated string literal", start);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
