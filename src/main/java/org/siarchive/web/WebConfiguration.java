package org.siarchive.web;

import java.time.Clock;
import org.siarchive.shared.ReadableTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final JsonMapper json;

    WebConfiguration(JsonMapper json) {
        this.json = json;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new Languages();
    }

    /** Business time is the zone people read (siarchive.time-zone, Beijing by default). */
    @Bean
    Clock clock(ReadableTime time) {
        return time.clock();
    }

    /** Request bodies are read with the text door's rules ({@link TextFields}); times written by {@link OffsetTimes}. */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(json.rebuild()
                .addModule(new TextFields())
                .addModule(new OffsetTimes())
                .build()));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(new MultipartDoor());
        registry.addInterceptor(new FormErrorsDefault());
    }
}
