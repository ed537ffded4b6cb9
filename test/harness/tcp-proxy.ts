/**
 * A TCP proxy on 127.0.0.1 whose target can be switched, dropping the open connections (a server "restart"), and
 * whose server-to-client direction can be paused (a client that stopped reading: the server sees a slow consumer).
 */
import net from 'node:net';

export interface TcpProxy {
  readonly port: number;
  /** Sends new connections to `port`, and cuts every open one (as if the old instance died). */
  switchTo(port: number): void;
  /** Stops reading from the server on every open connection: its writes back up. */
  pause(): void;
  /** Reads from the server again: what it managed to send arrives, then anything after. */
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let target = targetPort;
  const open = new Set<net.Socket>();
  const pairs = new Map<net.Socket, net.Socket>(); // upstream -> client
  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    open.add(client).add(upstream);
    pairs.set(upstream, client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
      pairs.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    switchTo(port) {
      target = port;
      for (const socket of open) socket.destroy();
      open.clear();
      pairs.clear();
    },
    pause() {
      for (const [upstream, client] of pairs) {
        upstream.unpipe(client);
        upstream.pause();
      }
    },
    resume() {
      for (const [upstream, client] of pairs) upstream.pipe(client);
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
