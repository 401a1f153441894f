package org.siarchive;

import java.util.Arrays;
import org.siarchive.backup.BackupCommands;
import org.siarchive.demo.DemoCommand;
import org.siarchive.security.AdminCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * SIArchive. {@code java -jar siarchive.jar} runs the platform; {@code … demo [--persons=N]} loads demo
 * data; {@code … audit-verify}, {@code … keys rotate|rewrap|escrow|recover}, {@code … backup},
 * {@code … restore} and {@code … restore-drill} are operator commands.
 */
@SpringBootApplication
public class SiArchiveApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("demo")) {
            System.exit(DemoCommand.run(SiArchiveApplication.class, Arrays.copyOfRange(args, 1, args.length)));
        }
        if (BackupCommands.handles(args)) {
            System.exit(
                    BackupCommands.run(SiArchiveApplication.class, args[0], Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && AdminCommands.handles(args[0])) {
            System.exit(
                    AdminCommands.run(SiArchiveApplication.class, args[0], Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(SiArchiveApplication.class, args);
    }
}
