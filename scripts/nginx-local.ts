/**
 * deploy/nginx.conf, as shipped, run by Debian's nginx without root: a temporary prefix, loopback
 * ports, a throwaway self-signed certificate. Used by the nginx test and `npm run bench:web`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const NGINX = '/usr/sbin/nginx';
const DEPLOY_CONF = join(import.meta.dirname, '..', 'deploy', 'nginx.conf');

/** The shipped site file, pointed at these app ports, cache folder and certificate. */
export function siteConfig(dir: string, appPorts: number[], httpPort: number, httpsPort: number): string {
	let conf = readFileSync(DEPLOY_CONF, 'utf8');
	const upstream = /^(\s*)server 127\.0\.0\.1:\d+ (.*)$/gm;
	const first = [...conf.matchAll(upstream)];
	if (first.length === 0) throw new Error('deploy/nginx.conf: no upstream server line');
	// As many upstream lines as app instances, with the shipped options.
	const lines = appPorts.map((port) => `${first[0][1]}server 127.0.0.1:${port} ${first[0][2]}`).join('\n');
	conf = conf.replace(first[0][0], lines);
	for (const m of first.slice(1)) conf = conf.replace(m[0] + '\n', '');
	return conf
		.replace('/var/cache/nginx/barometre', join(dir, 'cache'))
		.replace(/^\s*listen \[::\].*\n/gm, '')
		.replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
		.replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
		.replace(/ssl_certificate \S+;/, `ssl_certificate ${join(dir, 'cert.pem')};`)
		.replace(/ssl_certificate_key \S+;/, `ssl_certificate_key ${join(dir, 'key.pem')};`);
}

/** Writes the configuration into `dir` (which must exist) and starts nginx in the foreground. */
export function startNginx(dir: string, appPorts: number[], httpPort: number, httpsPort: number, { workers = 1 } = {}): ChildProcess {
	for (const sub of ['cache', 'temp', 'logs']) mkdirSync(join(dir, sub), { recursive: true });
	execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=barometre.example.fr', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], {
		stdio: 'ignore'
	});
	writeFileSync(join(dir, 'barometre.conf'), siteConfig(dir, appPorts, httpPort, httpsPort));
	const temp = join(dir, 'temp');
	writeFileSync(
		join(dir, 'nginx.conf'),
		[
			// As root (CI), workers would run as nobody, who cannot write the temporary folders.
			process.getuid?.() === 0 ? 'user root;' : '',
			'daemon off;',
			`worker_processes ${workers};`,
			`pid ${join(dir, 'nginx.pid')};`,
			`error_log ${join(dir, 'logs', 'error.log')} warn;`,
			'events { worker_connections 1024; }',
			'http {',
			'  include /etc/nginx/mime.types;',
			'  access_log off;',
			...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `  ${k}_temp_path ${join(temp, k)};`),
			`  include ${join(dir, 'barometre.conf')};`,
			'}'
		].join('\n')
	);
	const flags = ['-p', dir, '-e', join(dir, 'logs', 'error.log'), '-c', join(dir, 'nginx.conf')];
	execFileSync(NGINX, ['-t', '-q', ...flags], { stdio: 'inherit' });
	return spawn(NGINX, flags, { stdio: 'inherit' });
}
