package cn.cm135.imports;

/** A cell that can't be read; the message is the 中文 reason shown to the person importing. */
final class BadValueException extends RuntimeException {

    BadValueException(String message) {
        super(message, null, false, false);
    }
}
