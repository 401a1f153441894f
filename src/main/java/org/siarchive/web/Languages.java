package org.siarchive.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chinese first. The console speaks zh-CN until the user switches ({@code ?lang=en}, kept in a
 * cookie); the API answers in the language of {@code Accept-Language} when it is English, else Chinese.
 */
public class Languages implements LocaleResolver {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final String COOKIE = "siarchive-lang";
    private static final String ATTRIBUTE = Languages.class.getName() + ".switched";
    private static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Locale switched) {
            return switched;
        }
        Locale chosen = fromCookie(request);
        if (chosen != null) {
            return chosen;
        }
        if (request.getRequestURI().startsWith("/api/")) {
            Locale accepted = Locale.lookup(Locale.LanguageRange.parse(headerOrDefault(request)), SUPPORTED);
            return accepted == null ? CHINESE : accepted;
        }
        return CHINESE;
    }

    private static String headerOrDefault(HttpServletRequest request) {
        String h = request.getHeader("Accept-Language");
        try {
            if (h != null && !h.isBlank()) {
                Locale.LanguageRange.parse(h);
                return h;
            }
        } catch (IllegalArgumentException e) {
            // a malformed header falls back to Chinese
        }
        return "zh-CN";
    }

    private static @Nullable Locale fromCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName())) {
                return "en".equals(c.getValue()) ? Locale.ENGLISH : CHINESE;
            }
        }
        return null;
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        request.setAttribute(ATTRIBUTE, english ? Locale.ENGLISH : CHINESE);
        if (response == null) {
            return;
        }
        var cookie = new Cookie(COOKIE, english ? "en" : "zh-CN");
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
