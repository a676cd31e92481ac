package cn.cm135.imports;

import java.io.IOException;

/**
 * The bytes of the file are not valid in the charset it is decoded with. Carries the physical line
 * so that the person can find the spot (often a name typed in another program).
 */
final class FileEncodingException extends IOException {

    private final long line;

    FileEncodingException(long line, String message) {
        super(message);
        this.line = line;
    }

    long line() {
        return line;
    }
}
