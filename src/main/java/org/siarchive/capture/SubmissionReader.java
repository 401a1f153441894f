package org.siarchive.capture;

import org.siarchive.quality.Submission;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** Reads the metadata part strictly: malformed JSON or an unknown field is a 422 naming the field. */
@Component
class SubmissionReader {

    static final int MAX_METADATA_CHARS = 256 * 1024;

    private final JsonMapper json;

    SubmissionReader(JsonMapper json) {
        this.json = json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    Submission read(String metadata) {
        if (metadata.length() > MAX_METADATA_CHARS) {
            throw new InvalidInputException(Violation.of("metadata", "maxLength", MAX_METADATA_CHARS));
        }
        try {
            Submission s = json.readValue(metadata, Submission.class);
            if (s == null) {
                throw new InvalidInputException(Violation.of("metadata", "required"));
            }
            return s;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidInputException(Violation.of(e.getPropertyName(), "unknownField"));
        } catch (JacksonException e) {
            throw new InvalidInputException(Violation.of("metadata", "json"));
        }
    }
}
