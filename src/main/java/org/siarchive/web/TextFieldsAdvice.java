package org.siarchive.web;

import java.lang.reflect.Type;
import org.siarchive.shared.InvalidInputException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Reads every JSON request body with {@link TextFields} collecting: a body with several broken fields is
 * refused once, naming each of them, before the controller (and so before any write) sees it.
 */
@ControllerAdvice
class TextFieldsAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        TextFields.startCollecting();
        return input;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        var refused = TextFields.stopCollecting();
        if (!refused.isEmpty()) {
            throw new InvalidInputException(refused);
        }
        return body;
    }
}
