package dev.missive.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens that must be refused, made from a real one by editing its header or claims and
 * re-encoding them: whoever holds a token can do all of this, so the server must notice.
 */
final class TokenForge {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private TokenForge() {}

    /** The Authorization header's value for a token of that kind, or null for none. */
    static String authorization(TokenKind kind, String real, String foreign, Random random) {
        return switch (kind) {
            case VALID, SWAPPED -> "Bearer " + real;
            case NONE -> null;
            case GARBAGE ->
                "Bearer "
                        + Pick.one(
                                random, "not-a-token", "", "a.b.c", "..", "e30.e30.", "Bearer", real.replace('.', '!'));
            case NOT_BEARER -> Pick.one(random, "Basic ", "Token ", "Bearer:", "JWT ", "") + real;
            case ALG_NONE ->
                "Bearer " + encode(header(real).put("alg", Pick.one(random, "none", "None", "NONE"))) + "."
                        + part(real, 1) + Pick.one(random, ".", "", "." + part(real, 2));
            case ALTERED_SIGNATURE -> "Bearer " + alterSignature(real, random);
            case EXPIRED -> {
                ObjectNode claims = claims(real);
                long now = System.currentTimeMillis() / 1000;
                claims.put("exp", now - 3600).put("iat", now - 4500);
                yield "Bearer " + part(real, 0) + "." + encode(claims) + "." + part(real, 2);
            }
            case WRONG_AUDIENCE -> {
                ObjectNode claims = claims(real);
                claims.put("aud", Pick.one(random, "account", "missive-portal", "someone-else"));
                claims.put("azp", "someone-else");
                yield "Bearer " + part(real, 0) + "." + encode(claims) + "." + part(real, 2);
            }
            case ESCALATED -> {
                ObjectNode claims = claims(real);
                ArrayNode roles = claims.withObject("/realm_access").withArray("roles");
                roles.add("clinic-admin").add("integration");
                claims.put("scope", claims.path("scope").asText("") + " system/*.cruds");
                claims.put("preferred_username", Pick.one(random, "admin", "service-account-integration-engine"));
                yield "Bearer " + part(real, 0) + "." + encode(claims) + "." + part(real, 2);
            }
            case HS256 -> "Bearer " + hs256(header(real).put("alg", "HS256"), claims(real), random);
            case TRUNCATED -> "Bearer " + real.substring(0, random.nextInt(real.length()));
            case HUGE -> "Bearer " + real + "A".repeat(8_000 + random.nextInt(40_000));
            case FOREIGN_CLIENT, FOREIGN_REALM ->
                "Bearer " + (foreign != null ? foreign : alterSignature(real, random));
        };
    }

    /**
     * One bit of the signature's bytes flipped. (A character of its text changed may only change
     * the padding bits of the last one, and then the signature is the same.)
     */
    private static String alterSignature(String real, Random random) {
        byte[] signature = DECODE.decode(part(real, 2));
        if (signature.length == 0) {
            return real + "x";
        }
        signature[random.nextInt(signature.length)] ^= (byte) (1 << random.nextInt(8));
        return part(real, 0) + "." + part(real, 1) + "." + ENCODE.encodeToString(signature);
    }

    private static String hs256(ObjectNode header, ObjectNode claims, Random random) {
        String signed = encode(header) + "." + encode(claims);
        String key = Pick.one(random, "secret", "missive-api", "integration-secret", "");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    key.isEmpty() ? new byte[1] : key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signed + "." + ENCODE.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(String token, int index) {
        String[] parts = token.split("\\.", -1);
        return index < parts.length ? parts[index] : "";
    }

    private static ObjectNode header(String token) {
        return decode(part(token, 0));
    }

    private static ObjectNode claims(String token) {
        return decode(part(token, 1));
    }

    private static ObjectNode decode(String part) {
        try {
            return (ObjectNode) JSON.readTree(DECODE.decode(part));
        } catch (IOException | RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private static String encode(ObjectNode json) {
        try {
            return ENCODE.encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
