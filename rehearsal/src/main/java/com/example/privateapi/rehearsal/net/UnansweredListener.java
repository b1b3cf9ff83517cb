package com.example.privateapi.rehearsal.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where a network path that security groups do not allow leads: connections are accepted but never answered, so the
 * caller waits until its own timeout, as for a packet a security group drops. Each connection is reported once.
 */
public final class UnansweredListener implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;

    /** @param onConnection told of each connection that will not be answered */
    public UnansweredListener(Consumer<Socket> onConnection) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (open) {
                try {
                    Socket socket = server.accept();
                    held.add(socket);
                    onConnection.accept(socket);
                } catch (IOException e) {
                    return;
                }
            }
        }, "unanswered-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public URI url(String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + port());
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
        for (Socket socket : held) {
            socket.close();
        }
        held.clear();
    }
}
