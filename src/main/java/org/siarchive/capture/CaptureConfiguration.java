package org.siarchive.capture;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CaptureSettings.class, BatchSettings.class})
class CaptureConfiguration {}
