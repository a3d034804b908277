package dev.missive.web;

import dev.missive.fhir.server.SigningRealm;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /portal/config.js}: the portal's settings as an ES module (the realm to sign in with,
 * its client, the FHIR base), so that the static files need no build per installation.
 */
@WebServlet("/portal/config.js")
public class PortalConfigServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The portal's public client in the realm (PKCE, no secret). */
    static final String CLIENT_ID = "missive-portal";

    /** The realm the API verifies tokens against, so that the portal and the API never disagree about it. */
    @Inject
    SigningRealm realm;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/javascript;charset=UTF-8");
        response.getWriter()
                .write("export const config = Object.freeze({ issuer: " + jsString(realm.issuer())
                        + ", clientId: " + jsString(CLIENT_ID) + ", fhirBase: "
                        + jsString(request.getContextPath() + "/fhir")
                        + " });\n");
    }

    /** A JavaScript string literal; the URL comes from configuration, but is quoted safely all the same. */
    private static String jsString(String value) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c == '<' || c < 0x20) {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }
}
