package org.siarchive.platform;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
class PlatformConfiguration {

    @Bean
    DataDirectory dataDirectory(@Value("${siarchive.data-dir:./data}") String dataDir) {
        return new DataDirectory(Path.of(dataDir));
    }
}
