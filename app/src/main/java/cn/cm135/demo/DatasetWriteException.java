package cn.cm135.demo;

/** A generated row could not be written; the load is abandoned. */
final class DatasetWriteException extends RuntimeException {

    DatasetWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
