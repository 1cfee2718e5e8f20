package org.rocketmqhm.core.remoting;

/**
 * Implementation language announced in every command. JSON headers carry the name, binary headers the code.
 *
 * @since 0.1.0
 */
public enum LanguageCode {
    JAVA(0), CPP(1), DOTNET(2), PYTHON(3), DELPHI(4), ERLANG(5), RUBY(6), OTHER(7), HTTP(8), GO(9), PHP(10),
    OMS(11), RUST(12), NODE_JS(13);

    private static final LanguageCode[] BY_CODE = new LanguageCode[14];

    static {
        for (LanguageCode language : values()) {
            BY_CODE[language.code] = language;
        }
    }

    private final byte code;

    LanguageCode(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** @return the language for a binary code, {@link #OTHER} for an unknown one */
    public static LanguageCode fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : OTHER;
    }

    /** @return the language for a JSON name, {@link #JAVA} when absent and {@link #OTHER} when unknown */
    public static LanguageCode fromName(String name) {
        if (name == null) {
            return JAVA;
        }
        for (LanguageCode language : values()) {
            if (language.name().equals(name)) {
                return language;
            }
        }
        return OTHER;
    }
}
