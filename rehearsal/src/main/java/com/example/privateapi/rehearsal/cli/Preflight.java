package com.example.privateapi.rehearsal.cli;

import com.example.privateapi.localddb.Dynalite;
import com.example.privateapi.rehearsal.local.DeployFlow;
import com.example.privateapi.rehearsal.local.DeploySettings;
import com.example.privateapi.rehearsal.template.TemplateException;
import com.example.privateapi.rehearsal.template.TemplateReader;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What can be checked before any service starts, checked first, so that a mistake costs a second rather than a
 * deploy: the parameters both stacks will get, the DynamoDB endpoint given with {@code --dynamodb-url}, and
 * otherwise dynalite and the {@code node} that runs it.
 */
final class Preflight {

    /** A check that failed: the message says what and what to do; the status is the exit status to end with. */
    static final class Failed extends Exception {
        private final int status;

        Failed(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private static final int CONNECT_TIMEOUT_MS = 2000;

    private Preflight() {
    }

    static void check(TemplateReader reader, Path root, DeploySettings settings, URI dynamodbUrl) throws Failed {
        try {
            DeployFlow.checkParameters(reader, root, settings);
        } catch (DeployFlow.InvalidParameters e) {
            throw new Failed(ExitStatus.USAGE, (e.provider() ? "--provider-param: " : "--consumer-param: ")
                    + e.getMessage());
        } catch (TemplateException e) {
            throw new Failed(ExitStatus.CANNOT_RUN, e.getMessage());
        }
        if (dynamodbUrl != null) {
            reachable(dynamodbUrl);
        } else {
            dynaliteCanRun();
        }
    }

    private static void reachable(URI url) throws Failed {
        int port = url.getPort() != -1 ? url.getPort() : url.getScheme().equals("https") ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            throw new Failed(ExitStatus.CANNOT_RUN, "DynamoDB at " + url + " is not reachable (" + reason(e)
                    + "): start it, or leave out --dynamodb-url to use dynalite");
        }
    }

    private static void dynaliteCanRun() throws Failed {
        if (!onPath("node")) {
            throw new Failed(ExitStatus.TOOL_MISSING, "'node' is required to run dynalite (the local DynamoDB) but "
                    + "was not found on PATH: install Node.js 18 or newer, or give --dynamodb-url");
        }
        try {
            Dynalite.locate();
        } catch (IOException e) {
            throw new Failed(ExitStatus.CANNOT_RUN, e.getMessage());
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
