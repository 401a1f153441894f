package org.siarchive.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the operator where the console is once the platform is ready. */
@Component
class ConsoleAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAnnouncement.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String address = event.getApplicationContext().getEnvironment().getProperty("server.address", "127.0.0.1");
            String host = "127.0.0.1".equals(address) || "localhost".equals(address) ? "localhost" : address;
            String url = "http://" + host + ":" + web.getWebServer().getPort() + "/";
            log.info(
                    "SIArchive 控制台已就绪 / console ready: {}  (请用启动时打印的账户登录 / log in with an account printed at first start)",
                    url);
            System.out.println();
            System.out.println("  SIArchive 社保档案管理平台  →  " + url);
            System.out.println("  网上服务 / online service  →  " + url + "portal");
            System.out.println();
        }
    }
}
