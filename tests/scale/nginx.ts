/**
 * An nginx of the test's own (the Debian package's /usr/sbin/nginx), in the foreground with its
 * own configuration and prefix in a temporary folder: round-robin over the app instances, no
 * sticky sessions, the forwarding headers the app trusts from 127.0.0.1, and which instance
 * answered in X-Upstream so the test can see the requests spread.
 */
import fs from "node:fs";
import path from "node:path";
import type { Child, Children } from "./processes";

export const NGINX = "/usr/sbin/nginx";

export interface Nginx {
  child: Child;
  base: string;
}

export async function startNginx(options: { dir: string; port: number; upstreams: number[]; children: Children }): Promise<Nginx> {
  const { dir, port, upstreams, children } = options;
  fs.mkdirSync(path.join(dir, "logs"), { recursive: true });
  // Workers run as nobody under root: they must reach the prefix (nothing is written there but
  // by the master, and no response is buffered to disk).
  fs.chmodSync(dir, 0o755);
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${path.join(dir, "body")};
  proxy_temp_path ${path.join(dir, "proxy")};
  fastcgi_temp_path ${path.join(dir, "fastcgi")};
  uwsgi_temp_path ${path.join(dir, "uwsgi")};
  scgi_temp_path ${path.join(dir, "scgi")};
  upstream runclear {
${upstreams.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 5m;
    location / {
      proxy_pass http://runclear;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_max_temp_file_size 0;
      proxy_read_timeout 30s;
      proxy_next_upstream off;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  const child = children.start("nginx", NGINX, ["-p", dir, "-c", conf, "-e", "stderr"]);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`nginx exited (${child.process.exitCode}):\n${child.output()}`);
    try {
      await fetch(`${base}/`, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      return { child, base };
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer in 15 s:\n${child.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
