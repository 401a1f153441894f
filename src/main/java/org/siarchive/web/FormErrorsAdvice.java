package org.siarchive.web;

import org.siarchive.shared.FormErrors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every console model starts with no form errors, so every template may ask {@code formErrors.has(..)}; a
 * controller that caught a refusal puts the real ones in its place (docs/adr/0049).
 */
@ControllerAdvice
class FormErrorsAdvice {

    @ModelAttribute("formErrors")
    FormErrors formErrors() {
        return FormErrors.none();
    }
}
