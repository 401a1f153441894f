package org.siarchive.platform;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
class PlatformConfiguration {

    @Bean
    DataDirectory dataDirectory(@Value("${siarchive.data-dir:./data}") String dataDir) {
        return new DataDirectory(Path.of(dataDir));
    }

    /** Spring's JdbcClient with records mapped without a driver exception per camelCase column (issue 20). */
    @Bean
    JdbcClient jdbcClient(NamedParameterJdbcOperations operations) {
        return new RecordMappingJdbcClient(operations);
    }
}
