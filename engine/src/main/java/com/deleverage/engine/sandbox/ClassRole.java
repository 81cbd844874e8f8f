package com.deleverage.engine.sandbox;

/** Who wrote the code of a class Drools generated for a version. */
enum ClassRole {
    /** Rule classes, functions and the inline code of accumulates: the policy author's code. */
    POLICY,
    /** Drools' own glue (invokers, declared fact types, enums), generated from templates, not from text. */
    GLUE
}
