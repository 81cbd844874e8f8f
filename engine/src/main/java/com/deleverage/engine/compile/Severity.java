package com.deleverage.engine.compile;

/** ERROR findings reject a version; WARNING and INFO findings are reported and let it through. */
public enum Severity {
    ERROR, WARNING, INFO
}
