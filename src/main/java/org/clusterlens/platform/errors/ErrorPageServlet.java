package org.clusterlens.platform.errors;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response.Status;

import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The container's error page: problem+json instead of an HTML page naming the server. */
@WebServlet("/problem")
public class ErrorPageServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404;
        Throwable thrown = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Status known = Status.fromStatusCode(status);
        Problem problem = Problem.of(status, known == null ? "Error" : known.getReasonPhrase(),
                status == 404 ? "There is nothing at this address." : "The request could not be processed.");
        if (status >= 500 || thrown != null) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Incident " + incident, thrown);
            status = 500;
            problem = Problem.of(500, "Internal Server Error",
                    "Something went wrong on our side. Quote incident " + incident + " when you report it.")
                    .withIncident(incident);
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem = problem.withInstance(uri.toString());
        }
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSONB.toJson(problem));
    }
}
