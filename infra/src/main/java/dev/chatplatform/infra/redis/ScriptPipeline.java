package dev.chatplatform.infra.redis;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The hot path's scripts (a POST's number, a message's pending copy), of all concurrent requests, and the
 * worker's settling of a batch's pending copies ({@link #runAll}), sent to Redis together: one thread writes what has gathered as one pipeline of {@code EVALSHA}s and hands each
 * request its own answer. Redis reads and answers N scripts with one read and one write instead of N of each,
 * and a request thread parks once instead of making its own socket round trip: on two cores those system
 * calls and wake-ups were a large part of a POST's CPU (docs/performance.md). A lone request goes at once.
 * <p>
 * Each script is still atomic on its own; nothing is atomic across the pipeline. A script Redis does not know
 * (restarted, {@code SCRIPT FLUSH}) is run again alone with {@code EVAL} ({@link LuaScript}). A connection
 * failure fails every script of the pipeline with it; callers run through {@link Redis#call}, so it counts
 * as Redis being away, as a failure of their own call would.
 */
@Component
public class ScriptPipeline implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptPipeline.class);

    private record Call(LuaScript script, List<String> keys, List<String> args, CompletableFuture<Object> answer) {
    }

    private final UnifiedJedis redis;
    private final int maxScripts;
    private final BlockingQueue<Call> calls;
    private final Thread thread;
    private volatile boolean running = true;

    public ScriptPipeline(UnifiedJedis redis,
                          @Value("${chat.redis.pipeline.max-scripts:256}") int maxScripts,
                          @Value("${chat.redis.pipeline.max-waiting:8192}") int maxWaiting) {
        this.redis = redis;
        this.maxScripts = maxScripts;
        this.calls = new ArrayBlockingQueue<>(maxWaiting);
        this.thread = Thread.ofPlatform().name("chat-redis-pipeline").daemon().unstarted(this::run);
        this.thread.start();
    }

    /**
     * Runs the script and returns its answer, as {@link LuaScript#run} would; throws what Jedis would
     * (a {@link JedisConnectionException} when Redis did not answer in time). Call it within {@link Redis#call}.
     */
    public Object run(LuaScript script, List<String> keys, List<String> args) {
        return await(submit(script, keys, args));
    }

    /**
     * Runs the script once per call, all of them in the pipeline, and returns when every one has been answered:
     * one round trip for the lot (or one per {@code max-scripts}) instead of one each. Throws the first failure,
     * as {@link #run} would; each call is still atomic on its own.
     */
    public void runAll(LuaScript script, List<LuaScript.Call> many) {
        List<CompletableFuture<Object>> answers = new ArrayList<>(many.size());
        for (LuaScript.Call call : many) {
            answers.add(submit(script, call.keys(), call.args()));
        }
        answers.forEach(ScriptPipeline::await);
    }

    private CompletableFuture<Object> submit(LuaScript script, List<String> keys, List<String> args) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        if (!running || !calls.offer(new Call(script, keys, args, answer))) {
            throw new JedisConnectionException(running ? "too many scripts waiting for Redis" : "the pipeline is closed");
        }
        return answer;
    }

    private static Object await(CompletableFuture<Object> answer) {
        try {
            // No timed wait (a timer per request costs a POST ~5% of its CPU): the pipeline's round trip is
            // bounded by the connection's socket timeout, and the thread completes every call it took.
            return answer.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new JedisException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JedisConnectionException("interrupted waiting for Redis", e);
        }
    }

    private void run() {
        List<Call> pipeline = new ArrayList<>(maxScripts);
        while (running) {
            try {
                pipeline.add(calls.take());
                calls.drainTo(pipeline, maxScripts - 1);
                send(pipeline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.warn("a pipeline of {} scripts failed: {}", pipeline.size(), e.toString());
                pipeline.forEach(call -> call.answer().completeExceptionally(e));
            } finally {
                pipeline.clear();
            }
        }
    }

    /** {@code chat.redis{op=pipeline}}: one pipeline's round trip, however many scripts it carried. */
    private static final Timer PIPELINES = Timer.builder("chat.redis").tag("op", "pipeline")
            .description("Redis commands and scripts, as their callers wait for them").register(Metrics.globalRegistry);

    private void send(List<Call> pipeline) {
        long started = System.nanoTime();
        try {
            sendUnmeasured(pipeline);
        } finally {
            PIPELINES.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private void sendUnmeasured(List<Call> pipeline) {
        List<Response<Object>> answers = new ArrayList<>(pipeline.size());
        try (AbstractPipeline sent = redis.pipelined()) {
            for (Call call : pipeline) {
                answers.add(sent.evalsha(call.script().sha1(), call.keys(), call.args()));
            }
            sent.sync();
        }
        for (int i = 0; i < pipeline.size(); i++) {
            Call call = pipeline.get(i);
            try {
                call.answer().complete(answers.get(i).get());
            } catch (JedisNoScriptException unknownToThisRedis) {
                complete(call);
            } catch (RuntimeException e) {
                call.answer().completeExceptionally(e);
            }
        }
    }

    private void complete(Call call) {
        try {
            call.answer().complete(call.script().run(redis, call.keys(), call.args()));
        } catch (RuntimeException e) {
            call.answer().completeExceptionally(e);
        }
    }

    @Override
    public void destroy() {
        running = false;
        thread.interrupt();
        List<Call> left = new ArrayList<>();
        calls.drainTo(left);
        left.forEach(call -> call.answer().completeExceptionally(new JedisConnectionException("the pipeline is closed")));
    }
}
