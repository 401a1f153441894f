package org.siarchive.preservation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReplicaSettings.class, FileSettings.class})
class PreservationConfiguration {}
