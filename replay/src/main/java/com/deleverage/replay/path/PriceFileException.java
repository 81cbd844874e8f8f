package com.deleverage.replay.path;

/** A price file that cannot be read, with the file and line at fault. */
public final class PriceFileException extends RuntimeException {
    public PriceFileException(String message) {
        super(message);
    }

    public PriceFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
