package com.gridcare.staff;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Dependent
@Unremovable
@Command(name = "staff-password", mixinStandardHelpOptions = true,
        description = "Sets a staff member's console password (bcrypt). The password is read from the terminal "
                + "without echo, from the first line of --password-file, or from the first line of standard input; "
                + "never from the command line, where other users and the shell history could read it.")
public class StaffPasswordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--staff-no", required = true, description = "The staff number, e.g. S00042.")
    String staffNo;

    @Option(names = "--password-file", description = "Read the password from the first line of this file (e.g. a "
            + "mounted secret).")
    Path passwordFile;

    private final StaffPasswords passwords;

    public StaffPasswordCommand(StaffPasswords passwords) {
        this.passwords = passwords;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String password = readPassword();
        if (password == null || password.isEmpty()) {
            err.println("No password given.");
            return 2;
        }
        String weakness = StaffPasswords.weakness(password);
        if (weakness != null) {
            err.println("Refused: " + weakness + ".");
            return 2;
        }
        if (!passwords.set(staffNo, password)) {
            err.printf("No active staff member %s.%n", staffNo);
            return 1;
        }
        out.printf("Password of %s set.%n", staffNo);
        return 0;
    }

    private String readPassword() throws Exception {
        if (passwordFile != null) {
            try (BufferedReader file = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
                return file.readLine();
            }
        }
        if (System.console() != null) {
            char[] typed = System.console().readPassword("New password for %s: ", staffNo);
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
