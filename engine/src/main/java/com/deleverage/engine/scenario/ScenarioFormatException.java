package com.deleverage.engine.scenario;

/** A scenario file that cannot be read as scenarios, with where. */
public final class ScenarioFormatException extends RuntimeException {
    private final String file;
    private final int line;

    ScenarioFormatException(String file, int line, String message) {
        super(message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
