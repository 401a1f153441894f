package org.siarchive.crypto;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.platform.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CryptoConfiguration.class);

    /** Applies siarchive.crypto.digests before anything digests (docs/adr/0113) and says in the log what is used. */
    @Bean
    DigestHealth digestHealth(@Value("${siarchive.crypto.digests:auto}") String digests) {
        String used = Digests.use(Digests.Implementation.of(digests));
        log.info("SM3 and SHA-2 digests: {} (siarchive.crypto.digests={})", used, digests);
        return new DigestHealth();
    }

    @Bean
    MasterKey masterKey(
            DataDirectory data,
            @Value("${siarchive.crypto.master-key-file:}") String file,
            @Value("${siarchive.crypto.create-master-key:true}") boolean create) {
        Path path = file.isBlank() ? data.resolve("keys").resolve("master.key") : Path.of(file);
        @Nullable String env = System.getenv(MasterKey.ENVIRONMENT);
        return MasterKey.load(env, path, create);
    }

    @Bean
    FieldCipher fieldCipher(JdbcClient jdbc, MasterKey master, TransactionTemplate tx) {
        var cipher = new FieldCipher(jdbc, master, tx);
        cipher.initialise();
        return cipher;
    }

    @Bean
    KeyRotation keyRotation(
            JdbcClient jdbc,
            FieldCipher cipher,
            MasterKey master,
            List<EncryptedColumn> columns,
            TransactionTemplate tx) {
        return new KeyRotation(jdbc, cipher, master, columns, tx);
    }

    @Bean
    KeyDirectory keyDirectory(DataDirectory data, MasterKey master, @Value("${siarchive.crypto.key-dir:}") String dir) {
        return new KeyDirectory(dir.isBlank() ? data.resolve("keys") : Path.of(dir), master);
    }
}
