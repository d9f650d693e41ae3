package chat.server.cluster;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * Where Redis is and how to talk to it, read from a {@code redis://[user:password@]host[:port][/db]} URI.
 * Every command has a bounded wait, so an unreachable Redis fails fast instead of holding a chat up.
 */
record RedisEndpoint(HostAndPort address, JedisClientConfig config) {
    static final int DEFAULT_PORT = 6379;
    private static final int TIMEOUT_MILLIS = 2000;
    private static final int POOL_SIZE = 32;

    static RedisEndpoint of(URI uri, String clientName) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS)
                .clientName(clientName.replaceAll("[^A-Za-z0-9_.:-]", "_"));
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                config.password(decode(userInfo));
            } else {
                if (colon > 0) {
                    config.user(decode(userInfo.substring(0, colon)));
                }
                config.password(decode(userInfo.substring(colon + 1)));
            }
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            config.database(Integer.parseInt(path.substring(1)));
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new RedisEndpoint(new HostAndPort(uri.getHost(), port), config.build());
    }

    /** A pooled, thread-safe client: each command borrows a connection and gives it back. */
    RedisClient pooledClient() {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(POOL_SIZE);
        pool.setMaxIdle(POOL_SIZE);
        pool.setMaxWait(java.time.Duration.ofMillis(TIMEOUT_MILLIS));
        pool.setTestWhileIdle(true);
        return RedisClient.builder().hostAndPort(address).clientConfig(config).poolConfig(pool).build();
    }

    /** One connection of its own, for the subscriber. */
    Jedis dedicatedConnection() {
        return new Jedis(address, config);
    }

    @Override
    public String toString() {
        return "redis://" + address;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
