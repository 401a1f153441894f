package org.siarchive.checks;

/** 通过, 不通过, or 未检测 (the check could not run, e.g. no virus scanner installed: never read as passed). */
public enum Outcome {
    PASS,
    FAIL,
    NOT_CHECKED
}
