package org.siarchive.shared;

/**
 * The item was destroyed after appraisal: its content no longer exists anywhere the platform serves it
 * from. Answered 410 Gone with the destruction record (a problem detail for the API, a page for the
 * console), never 404: the 档号 stays known (docs/adr/0070).
 */
public class GoneException extends RuntimeException {

    private final transient DestructionFacts facts;

    public GoneException(DestructionFacts facts) {
        super("item " + facts.archiveCode() + " destroyed");
        this.facts = facts;
    }

    public DestructionFacts facts() {
        return facts;
    }
}
