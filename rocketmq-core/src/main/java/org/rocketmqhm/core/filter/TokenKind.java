package org.rocketmqhm.core.filter;

/** Kinds of SQL92 filter tokens; keyword kinds match case-insensitively. */
enum TokenKind {
    IDENTIFIER, STRING, INTEGER, DECIMAL,
    AND, OR, NOT, BETWEEN, IN, IS, NULL, TRUE, FALSE,
    LPAREN, RPAREN, COMMA, PLUS, MINUS,
    EQ, NE, LT, LE, GT, GE,
    EOF;

    /** @return the keyword kind for an identifier-shaped word, or {@link #IDENTIFIER} */
    static TokenKind keywordOrIdentifier(String word) {
        return switch (word.toUpperCase(java.util.Locale.ROOT)) {
            case "AND" -> AND;
            case "OR" -> OR;
            case "NOT" -> NOT;
            case "BETWEEN" -> BETWEEN;
            case "IN" -> IN;
            case "IS" -> IS;
            case "NULL" -> NULL;
            case "TRUE" -> TRUE;
            case "FALSE" -> FALSE;
            default -> IDENTIFIER;
        };
    }
}
