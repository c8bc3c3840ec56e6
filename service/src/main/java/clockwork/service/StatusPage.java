package clockwork.service;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service's status page, {@code GET /}: one self-contained HTML page (its CSS and script
 * inline, nothing fetched from elsewhere) that shows every project, its resources' health, what the
 * service did about them and its recent events, kept current by reading the JSON API every second.
 *
 * <p>A browser signs in once, with the token in a form ({@code POST /login}) or in the address
 * ({@code GET /?token=TOKEN}); either sets a cookie and sends the browser back to {@code /}, so
 * that the token leaves the address. The cookie holds a value derived from the token, not the
 * token, and lets its holder read the API, not change it ({@link Api} asks for the bearer token for
 * that): cookies are not kept apart by port, and a page served on another port of this host is of
 * the same site, so its forms would carry the cookie. Without the cookie the page shows the form
 * and nothing else.
 */
final class StatusPage {
  /** The most a sign-in form may send: a token is 48 characters. */
  static final int MAX_FORM = 4096;

  private final byte[] token;
  private final byte[] session;
  private final SecureRandom random = new SecureRandom();

  StatusPage(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.session = session(token).getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether a path is the page's rather than the API's. */
  static boolean serves(String path) {
    return path.equals("/") || path.equals("/login");
  }

  /**
   * The cookie's value: an HMAC of a fixed label under the token, so that the cookie changes with
   * the token and does not give it away.
   */
  private static String session(String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] value = mac.doFinal("clockwork status page".getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no HmacSHA256", e);
    }
  }

  /**
   * The cookie's name, with the service's port in it: two services on one host (two users) would
   * otherwise overwrite each other's.
   */
  private static String cookie(HttpExchange exchange) {
    return "clockwork-" + exchange.getLocalAddress().getPort();
  }

  /** Whether the request carries the page's cookie. */
  boolean signedIn(HttpExchange exchange) {
    List<String> headers = exchange.getRequestHeaders().get("Cookie");
    if (headers == null) return false;
    String prefix = cookie(exchange) + "=";
    boolean found = false;
    for (String header : headers) {
      for (String pair : header.split(";")) {
        String trimmed = pair.strip();
        if (trimmed.startsWith(prefix)) {
          byte[] given = trimmed.substring(prefix.length()).getBytes(StandardCharsets.UTF_8);
          found |= MessageDigest.isEqual(session, given);
        }
      }
    }
    return found;
  }

  void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (exchange.getRequestURI().getPath().equals("/login")) {
      if (!method.equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        send(exchange, 405, form("Sign in with this form: /login takes a POST."));
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_FORM + 1);
      }
      if (body.length > MAX_FORM) {
        send(exchange, 413, form("That is more than a token: give the one in the token file."));
        return;
      }
      signIn(exchange, parameter(new String(body, StandardCharsets.UTF_8), "token"));
    } else if (!method.equals("GET")) {
      exchange.getResponseHeaders().set("Allow", "GET");
      send(exchange, 405, form("The status page is read with a GET."));
    } else {
      String query = exchange.getRequestURI().getRawQuery();
      String given = query == null ? null : parameter(query, "token");
      if (given != null) signIn(exchange, given);
      else if (signedIn(exchange)) send(exchange, 200, PAGE);
      else send(exchange, 200, form(null));
    }
  }

  /** Sets the cookie and sends the browser to {@code /} for the right token; the form otherwise. */
  private void signIn(HttpExchange exchange, String given) throws IOException {
    if (given == null || given.isBlank()) {
      send(exchange, 401, form("Give the service's token, from its token file."));
    } else if (!MessageDigest.isEqual(token, given.strip().getBytes(StandardCharsets.UTF_8))) {
      send(
          exchange,
          401,
          form("That is not the service's token: read it again from its token file."));
    } else {
      var headers = exchange.getResponseHeaders();
      headers.set(
          "Set-Cookie",
          cookie(exchange)
              + "="
              + new String(session, StandardCharsets.US_ASCII)
              + "; HttpOnly; SameSite=Strict; Path=/");
      headers.set("Location", "/");
      headers.set("Cache-Control", "no-store");
      headers.set("Referrer-Policy", "no-referrer");
      exchange.sendResponseHeaders(303, -1);
    }
  }

  /** A form-encoded parameter's value; {@code null} when it is not there or cannot be decoded. */
  private static String parameter(String encoded, String name) {
    for (String pair : encoded.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (!key.equals(name)) continue;
      try {
        return URLDecoder.decode(
            equals < 0 ? "" : pair.substring(equals + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  /** Sends a page, with a fresh nonce for its inline style and script. */
  private void send(HttpExchange exchange, int status, String page) throws IOException {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    String nonce = Base64.getEncoder().encodeToString(bytes);
    byte[] html = page.replace("{{nonce}}", nonce).getBytes(StandardCharsets.UTF_8);
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "text/html; charset=utf-8");
    headers.set("Cache-Control", "no-store");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'nonce-"
            + nonce
            + "'; style-src 'nonce-"
            + nonce
            + "'; connect-src 'self'; img-src data:; form-action 'self'; frame-ancestors 'none';"
            + " base-uri 'none'");
    exchange.sendResponseHeaders(status, html.length);
    exchange.getResponseBody().write(html);
  }

  /** Text made safe to place in HTML. */
  private static String escape(String text) {
    var escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** The sign-in form, with why it is shown again; {@code null} for the first time. */
  private static String form(String message) {
    return HEAD
        + """
          <main class="login">
            <h1>Clockwork service</h1>
            <p>Sign in with the service's token: the <code>token</code> file in its home
              (<code>~/.local/state/clockwork/service/token</code>, or in
              <code>CW_SERVICE_HOME</code>).</p>
        """
        + (message == null
            ? ""
            : "    <p class=\"refused\" id=\"refused\" role=\"alert\">"
                + escape(message)
                + "</p>\n")
        + """
            <form id="login" method="post" action="/login">
              <label for="token">Token</label>
              <input id="token" name="token" type="password" autocomplete="off" spellcheck="false"
                required autofocus>
              <button type="submit">Sign in</button>
            </form>
          </main>
        </body>
        </html>
        """;
  }

  private static final String HEAD =
      """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Clockwork service</title>
        <link rel="icon" href="data:,">
        <style nonce="{{nonce}}">
          :root { color-scheme: light dark; --ok: #1a7f37; --drifted: #b35900; --failing: #c62828;
            --pending: #1f5fbf; --unchecked: #6b7280; --line: #8884; }
          body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; padding: 1rem 1.5rem;
            max-width: 75rem; }
          header { display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
          h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
          h2 { font-size: 1.15rem; margin: 0; }
          h3 { font-size: .95rem; margin: 1rem 0 .3rem; }
          code, .mono { font-family: ui-monospace, monospace; font-size: .9em; }
          .muted { opacity: .7; }
          #live { font-size: .9rem; }
          #live.down { color: var(--failing); font-weight: 600; }
          .project { border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem;
            margin: 1rem 0; }
          .project > .title { display: flex; align-items: center; gap: .7rem; flex-wrap: wrap; }
          table { border-collapse: collapse; width: 100%; margin-top: .3rem; }
          th, td { text-align: left; vertical-align: top; padding: .35rem .5rem;
            border-bottom: 1px solid var(--line); }
          th { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; opacity: .7; }
          ul { margin: 0; padding-left: 1.1rem; }
          .health { display: inline-block; min-width: 5.5em; text-align: center; font-weight: 700;
            border-radius: 999px; padding: .05rem .6rem; color: #fff; background: var(--unchecked); }
          .health.ok { background: var(--ok); }
          .health.drifted { background: var(--drifted); }
          .health.failing, .health.error { background: var(--failing); }
          .health.pending { background: var(--pending); }
          .stopped, .refused, .error-text { color: var(--failing); font-weight: 600; }
          .proposal { color: var(--pending); }
          .event { font-weight: 600; }
          .events td:first-child, .events td.event { white-space: nowrap; }
          .login { max-width: 32rem; margin: 10vh auto; }
          .login form { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
          .login input { flex: 1; min-width: 14rem; padding: .4rem; font: inherit; }
          .login button { padding: .4rem 1rem; font: inherit; }
        </style>
      </head>
      <body>
      """;

  /** The page itself: the data comes from the API, into elements as text, never as markup. */
  private static final String PAGE =
      HEAD
          + """
            <header>
              <h1>Clockwork service</h1>
              <span id="live" class="muted">connecting…</span>
            </header>
            <noscript>This page reads the service's API with JavaScript; without it, use
              <code>clockwork service status</code>.</noscript>
            <div id="projects"></div>
            <script nonce="{{nonce}}">
            "use strict";
            const HEALTHS = ["ok", "drifted", "failing", "pending", "error", "unchecked"];
            const EVENTS_SHOWN = 15;

            function el(tag, className, text) {
              const e = document.createElement(tag);
              if (className) e.className = className;
              if (text !== undefined && text !== null) e.textContent = String(text);
              return e;
            }

            function badge(health) {
              const h = String(health ?? "unchecked");
              const b = el("span", "health " + (HEALTHS.includes(h) ? h : "unchecked"), h);
              b.dataset.health = h;
              return b;
            }

            function ago(at) {
              const seconds = Math.max(0, Math.round((Date.now() - new Date(at)) / 1000));
              if (seconds < 60) return seconds + " s ago";
              if (seconds < 3600) return Math.round(seconds / 60) + " min ago";
              return Math.round(seconds / 3600) + " h ago";
            }

            /** A time, with how long ago it was (kept current by tick()). */
            function when(at) {
              const span = el("span");
              if (!at || isNaN(new Date(at))) {
                span.textContent = at ? String(at) : "never";
                return span;
              }
              span.append(new Date(at).toLocaleString() + " ");
              const since = el("span", "ago muted", "(" + ago(at) + ")");
              since.dataset.at = at;
              span.append(since);
              return span;
            }

            function tick() {
              for (const since of document.querySelectorAll(".ago")) {
                since.textContent = "(" + ago(since.dataset.at) + ")";
              }
            }

            function list(items) {
              const ul = el("ul");
              for (const item of items) ul.append(item);
              return ul;
            }

            /** What the service does about a resource, when the API says ("care"). */
            function careOf(detail, id) {
              const care = detail && detail.care;
              if (!care || typeof care !== "object") return null;
              const all = care.resources && typeof care.resources === "object" ? care.resources : care;
              if (Array.isArray(all)) {
                return all.find(c => c && (c.resource === id || c.id === id)) || null;
              }
              return Object.prototype.hasOwnProperty.call(all, id) ? all[id] : null;
            }

            function asList(value) {
              return value === undefined || value === null ? []
                  : Array.isArray(value) ? value : [value];
            }

            /** The project's pending proposals ("care"."proposals"), each with its resource. */
            function proposalsOf(detail) {
              const care = detail && detail.care;
              return care && typeof care === "object" && !Array.isArray(care)
                  ? asList(care.proposals).filter(p => p && typeof p === "object") : [];
            }

            /** A proposal in words: its id, what it would change, why it cannot be approved. */
            function proposal(p) {
              if (typeof p !== "object" || p === null) return "proposal: " + String(p);
              const what = p.summary ?? p.detail ?? p.description ?? "";
              return "proposal" + (p.id ? " " + p.id : "") + ": " + what
                  + (p.refusal ? " (it cannot be approved: " + p.refusal + ")" : "");
            }

            function healing(care, proposals) {
              const items = [];
              if (care && typeof care === "object") {
                if (care.stopped) items.push(el("li", "stopped", "stopped: " + care.stopped));
                if (typeof care.fixesLeft === "number") {
                  items.push(el("li", "", care.fixesLeft
                      + (care.fixesLeft === 1 ? " fix" : " fixes") + " left this hour"));
                }
                for (const p of asList(care.proposals)) items.push(el("li", "proposal", proposal(p)));
                const remedies = asList(care.remedies);
                if (remedies.length) {
                  items.push(el("li", "muted", "tried: " + remedies[remedies.length - 1]));
                }
              }
              for (const p of proposals) items.push(el("li", "proposal", proposal(p)));
              return items.length ? list(items) : el("span", "muted", "—");
            }

            function findings(resource) {
              const items = [];
              for (const drift of resource.drift || []) {
                items.push(el("li", "", drift.field + ": " + drift.actual + ", expected "
                    + drift.expected));
              }
              for (const assertion of resource.assertions || []) {
                if (assertion.passed) continue;
                items.push(el("li", "error-text", (assertion.description || assertion.assertion)
                    + (assertion.observation ? ": " + assertion.observation : "")));
              }
              return items.length ? list(items) : el("span", "muted", "as declared");
            }

            function resources(summary, detail) {
              const all = (detail && detail.resources) || [];
              if (!all.length) {
                return el("p", "muted", summary.health === "unchecked"
                    ? "Not checked yet." : "No resources in its last check.");
              }
              const table = el("table", "resources");
              const head = el("tr");
              for (const title of ["Resource", "Kind", "Health", "Found", "Healing"]) {
                head.append(el("th", "", title));
              }
              table.append(head);
              for (const resource of all) {
                const row = el("tr");
                row.dataset.resource = resource.id;
                const health = el("td");
                health.append(badge(resource.health));
                const found = el("td");
                found.append(findings(resource));
                const care = el("td");
                care.append(healing(careOf(detail, resource.id),
                    proposalsOf(detail).filter(p => p.resource === resource.id)));
                row.append(el("td", "mono", resource.id), el("td", "", resource.kind), health, found,
                    care);
                table.append(row);
              }
              return table;
            }

            function events(detail) {
              const recent = ((detail && detail.events) || []).slice(-EVENTS_SHOWN).reverse();
              if (!recent.length) return el("p", "muted", "No events yet.");
              const table = el("table", "events");
              for (const event of recent) {
                const row = el("tr");
                const at = el("td");
                at.append(when(event.at));
                row.append(at, el("td", "mono", event.resource), el("td", "event", event.event),
                    el("td", "", event.detail));
                table.append(row);
              }
              return table;
            }

            function project(summary, detail) {
              const section = el("section", "project");
              section.dataset.project = summary.id;
              const title = el("div", "title");
              const checked = el("span", "muted");
              checked.append("last check ", when(summary.lastCheck));
              title.append(badge(summary.health), el("h2", "mono", summary.dir), checked);
              section.append(title, el("div", "muted mono", "id " + summary.id));
              const history = (detail && detail.history) || [];
              const last = history.length ? history[history.length - 1] : null;
              if (last && last.error) section.append(el("p", "error-text", last.error));
              section.append(el("h3", "", "Resources"), resources(summary, detail));
              const shown = new Set(((detail && detail.resources) || []).map(r => r.id));
              const others = proposalsOf(detail).filter(p => !shown.has(p.resource));
              if (others.length) {
                section.append(el("h3", "", "Pending proposals"), list(others.map(
                    p => el("li", "proposal", (p.resource ? p.resource + ": " : "") + proposal(p)))));
              }
              section.append(el("h3", "", "Recent events"), events(detail));
              return section;
            }

            function render(projects, details) {
              const root = document.getElementById("projects");
              if (!projects.length) {
                root.replaceChildren(el("p", "muted",
                    "No project is registered: clockwork service register --dir DIR"));
                return;
              }
              root.replaceChildren(...projects.map((p, i) => project(p, details[i])));
            }

            async function read(path) {
              const answer = await fetch(path, {
                credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" }
              });
              if (answer.status === 401) {
                location.replace("/"); // signed out, or the token changed: the form again
                throw new Error("signed out");
              }
              if (!answer.ok) throw new Error(path + ": " + answer.status);
              return answer.json();
            }

            function live(text, up) {
              const status = document.getElementById("live");
              status.textContent = text;
              status.className = up ? "muted" : "down";
            }

            let shown = "";
            async function poll() {
              try {
                const projects = await read("/projects");
                const details = await Promise.all(projects.map(
                    p => read("/projects/" + encodeURIComponent(p.id)).catch(() => null)));
                const seen = JSON.stringify([projects, details]);
                if (seen !== shown) { // unchanged, left as it is: a selection stays selected
                  render(projects, details);
                  shown = seen;
                }
                tick();
                live("live: updated " + new Date().toLocaleTimeString(), true);
              } catch (e) {
                live("cannot reach the service (" + e.message + "): trying again", false);
              } finally {
                setTimeout(poll, 1000);
              }
            }
            poll();
            </script>
          </body>
          </html>
          """;
}
