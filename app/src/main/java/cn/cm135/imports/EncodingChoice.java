package cn.cm135.imports;

import java.util.Arrays;
import java.util.Optional;

/** The {@code encoding} parameter of an import: detect, or trust the person who exported the file. */
enum EncodingChoice {
    AUTO("auto"),
    UTF_8("UTF-8"),
    GBK("GBK");

    private final String parameter;

    EncodingChoice(String parameter) {
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }

    /** Accepts "auto", "UTF-8"/"utf8" and "GBK" in any case; blank means auto. */
    static Optional<EncodingChoice> fromParameter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(AUTO);
        }
        String normalised = value.trim().replace("-", "").replace("_", "");
        return Arrays.stream(values())
                .filter(c -> c.parameter.replace("-", "").equalsIgnoreCase(normalised))
                .findFirst();
    }
}
