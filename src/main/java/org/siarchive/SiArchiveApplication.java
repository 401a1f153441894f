package org.siarchive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SiArchiveApplication {

    public static void main(String[] args) {
        SpringApplication.run(SiArchiveApplication.class, args);
    }
}
