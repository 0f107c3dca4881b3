package dev.chatplatform.benchmarks;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The raw speed of the parts the real-time events are made of, with nothing of ours in between: bare Tomcat WebSocket
 * servers (the container the API runs in, in JVMs of their own as the API instances are) sending frames to
 * subscribers of the JDK's WebSocket client (the client of RealTimeEventsIT and EventLatency), all on this machine.
 * Each server sends as the API does: a bounded queue and a virtual thread per subscriber, frames written with
 * batching on and flushed once per batch. A burst of {@code bench.fanout.messages} frames is generated at an even
 * pace over {@code bench.fanout.paces-ms} (each pace in turn), offered to every subscriber of every server; a frame's
 * latency is its arrival minus the instant it was generated (one clock: CLOCK_MONOTONIC, shared by the processes).
 * Each pace is measured after {@code bench.fanout.warmup-rounds} unreported bursts, so both sides are compiled.
 * <p>
 * It answers what the events' bar allows on this machine: how many frames a second the bare parts deliver, and the
 * latency they give at the pace of the bursts the API is measured with.
 */
public final class RawFanout {

    private RawFanout() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("serve")) {
            serve(Integer.parseInt(args[1]));
            return;
        }
        int servers = Settings.intProp("bench.fanout.servers", 2);
        int subscribers = Settings.intProp("bench.fanout.subscribers", 1_000);
        int messages = Settings.intProp("bench.fanout.messages", 1_000);
        int warmUpRounds = Settings.intProp("bench.fanout.warmup-rounds", 2);
        List<Integer> paces = Arrays.stream(Settings.prop("bench.fanout.paces-ms", "1000,3000,7000,15000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        List<Process> processes = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                int port = freePort();
                ports.add(port);
                processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms256m", "-Xmx1g", "-cp", System.getProperty("java.class.path"), RawFanout.class.getName(),
                        "serve", Integer.toString(port))
                        .redirectErrorStream(true).redirectOutput(Files.createTempFile("raw-fanout-", ".log").toFile())
                        .start());
            }
            for (int port : ports) {
                awaitUp(port);
            }
            Results.put("fanout.servers", servers);
            Results.put("fanout.subscribers", subscribers);
            Results.put("fanout.messages", messages);
            Results.put("fanout.paces_ms", String.join(",", paces.stream().map(String::valueOf).toList()));
            List<Stream> streams = connect(ports, subscribers, messages);
            List<ProcessHandle> serverHandles = processes.stream().map(Process::toHandle).toList();
            HttpClient http = HttpClient.newHttpClient();
            for (int pace : paces) {
                for (int round = 0; round < warmUpRounds; round++) {
                    burst(http, ports, streams, messages, pace);
                }
                long cpuBefore = cpuNanos(serverHandles);
                long clientCpuBefore = cpuNanos(List.of(ProcessHandle.current()));
                long began = System.nanoTime();
                long[] latencies = burst(http, ports, streams, messages, pace);
                double seconds = (System.nanoTime() - began) / 1e9;
                double serverCpu = (cpuNanos(serverHandles) - cpuBefore) / 1e9;
                double clientCpu = (cpuNanos(List.of(ProcessHandle.current())) - clientCpuBefore) / 1e9;
                String key = "fanout.pace_" + pace;
                Results.put(key + ".delivered_s", seconds);
                Results.put(key + ".frames_per_s", latencies.length / seconds);
                Results.put(key + ".p50_ms", Latencies.percentile(latencies, 50));
                Results.put(key + ".p99_ms", Latencies.percentile(latencies, 99));
                Results.put(key + ".max_ms", latencies[latencies.length - 1] / 1e6);
                Results.put(key + ".server_cpu_us_per_frame", serverCpu * 1e6 / latencies.length);
                Results.put(key + ".client_cpu_us_per_frame", clientCpu * 1e6 / latencies.length);
            }
        } finally {
            processes.forEach(Process::destroy);
        }
        System.exit(0); // the client's selector threads are not daemons
    }

    /** One bare Tomcat with a WebSocket endpoint at /ws and the burst trigger at /burst?n=&ms=. */
    private static void serve(int port) throws Exception {
        Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
        Tomcat tomcat = new Tomcat();
        tomcat.setPort(port);
        tomcat.setBaseDir(Files.createTempDirectory("raw-fanout-tomcat").toString());
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer((classes, servletContext) -> {
            try {
                ((ServerContainer) servletContext.getAttribute(ServerContainer.class.getName())).addEndpoint(
                        ServerEndpointConfig.Builder.create(Endpoint.class, "/ws").configurator(new ServerEndpointConfig.Configurator() {
                            @Override
                            public <T> T getEndpointInstance(Class<T> type) {
                                return type.cast(new Endpoint() {
                                    @Override
                                    public void onOpen(Session session, EndpointConfig config) {
                                        subscribers.add(new Subscriber(session));
                                    }
                                });
                            }
                        }).build());
            } catch (jakarta.websocket.DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }, null);
        Tomcat.addServlet(context, "burst", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                int n = Integer.parseInt(request.getParameter("n"));
                long spreadNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(request.getParameter("ms")));
                Thread.ofPlatform().name("burst").start(() -> generate(subscribers, n, spreadNanos));
                response.setStatus(204);
            }
        });
        context.addServletMappingDecoded("/burst", "burst");
        // Tomcat maps a request to a servlet before its filters run, the WebSocket upgrade filter among them.
        Tomcat.addServlet(context, "default", new HttpServlet() { });
        context.addServletMappingDecoded("/", "default");
        tomcat.start();
        tomcat.getServer().await();
    }

    /** n frames at an even pace over the spread, each offered to every subscriber; about the size of a message.created. */
    private static void generate(Set<Subscriber> subscribers, int n, long spreadNanos) {
        String body = "x".repeat(200);
        long start = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            long due = start + spreadNanos * (i - 1) / n;
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                LockSupport.parkNanos(due - now);
            }
            String frame = "{\"type\":\"message.created\",\"chat_number\":1,\"message_number\":" + i + ",\"generated\":"
                    + System.nanoTime() + ",\"body\":\"" + body + "\"}";
            for (Subscriber subscriber : subscribers) {
                subscriber.queue.offer(frame);
            }
        }
    }

    /** A subscriber as the API's WebSocketSubscriber sends to it: queued, drained in batches by a virtual thread. */
    private static final class Subscriber {
        private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(8_192);

        Subscriber(Session session) {
            Thread.ofVirtual().start(() -> drain(session.getBasicRemote()));
        }

        private void drain(RemoteEndpoint.Basic remote) {
            List<String> batch = new ArrayList<>(64);
            try {
                remote.setBatchingAllowed(true);
                while (true) {
                    batch.add(queue.take());
                    queue.drainTo(batch, 63);
                    for (String frame : batch) {
                        remote.sendText(frame);
                    }
                    remote.flushBatch();
                    batch.clear();
                }
            } catch (IOException | InterruptedException e) {
                // the connection closed: this subscriber is done
            }
        }
    }

    /** A subscriber on the client side: the latency of each frame of the current burst. */
    private static final class Stream extends TextFrames {
        private final long[] latencies;
        private final AtomicInteger received = new AtomicInteger();

        Stream(int messages) {
            latencies = new long[messages];
        }

        @Override
        void frame(String text, long arrivedNanos) {
            int at = text.indexOf("\"generated\":") + "\"generated\":".length();
            long generated = Long.parseLong(text, at, text.indexOf(',', at), 10);
            int n = received.getAndIncrement();
            if (n < latencies.length) {
                latencies[n] = arrivedNanos - generated;
            }
        }
    }

    /** Subscribers spread over the servers and over 8 clients, 50 handshakes at a time, as RealTimeEventsIT opens them. */
    private static List<Stream> connect(List<Integer> ports, int subscribers, int messages) {
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clients.add(HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build());
        }
        List<Stream> streams = new ArrayList<>();
        for (int wave = 0; wave < subscribers; wave += 50) {
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int i = wave; i < Math.min(subscribers, wave + 50); i++) {
                Stream stream = new Stream(messages);
                streams.add(stream);
                opening.add(clients.get(i % clients.size()).newWebSocketBuilder()
                        .buildAsync(URI.create("ws://127.0.0.1:" + ports.get(i % ports.size()) + "/ws"), stream));
            }
            opening.forEach(CompletableFuture::join);
        }
        return streams;
    }

    /** One burst from every server at once; returns every frame's latency, sorted. */
    private static long[] burst(HttpClient http, List<Integer> ports, List<Stream> streams, int messages, int paceMillis)
            throws IOException, InterruptedException {
        streams.forEach(stream -> stream.received.set(0));
        for (int port : ports) {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/burst?n=" + messages + "&ms=" + paceMillis))
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(paceMillis) + TimeUnit.SECONDS.toNanos(120);
        while (streams.stream().anyMatch(stream -> stream.received.get() < messages)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a burst was not delivered within 120 s of its end");
            }
            Thread.sleep(20);
        }
        long[] all = new long[streams.size() * messages];
        int k = 0;
        for (Stream stream : streams) {
            System.arraycopy(stream.latencies, 0, all, k, messages);
            k += messages;
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "[bench] raw fan-out, %d frames over %d ms: p50 %.1f ms, p99 %.1f ms%n", all.length,
                paceMillis, Latencies.percentile(all, 50), Latencies.percentile(all, 99));
        return all;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitUp(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the raw WebSocket server on port " + port + " did not start");
                }
                Thread.sleep(100);
            }
        }
    }

    /** The CPU time of processes so far (user + system), from /proc. */
    private static long cpuNanos(List<ProcessHandle> processes) {
        return processes.stream().mapToLong(p -> p.info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L)).sum();
    }
}
