package org.rocketmqhm.core.filter;

/**
 * One lexical token.
 *
 * @param kind the token kind
 * @param text the source text of the token (for strings: the unescaped value)
 * @param position zero-based offset of the token's first character
 */
record Token(TokenKind kind, String text, int position) {

    /** @return the token as shown in error messages */
    String describe() {
        return switch (kind) {
            case EOF -> "end of expression";
            case STRING -> "string '" + text.replace("'", "''") + "'";
            default -> "'" + text + "'";
        };
    }
}
