package org.siarchive.quality;

import java.util.Map;
import java.util.Set;

/** The code tables and classification facts a submission is checked against, passed in by the caller. */
public record ReferenceFacts(
        Set<String> fondsCodes,
        Map<String, StepFacts> steps,
        Set<String> insuranceTypes,
        Set<String> certTypes,
        Set<String> securityLevels) {

    /** What a business step (业务环节) demands. */
    public record StepFacts(
            String code, Subject subject, Set<String> allowedMaterials, Set<String> requiredMaterials) {}

    /** Whom the materials of a step are about. */
    public enum Subject {
        PERSON,
        EMPLOYER,
        ANY
    }
}
