export type StreamClient = Readonly<{
  status: number;
  contentType: string;
  received: { id: string; type: string; subject: string; correlationId: string; seq: number }[];
  close: () => void;
}>;

/** A minimal Server-Sent Events reader over fetch (what EventSource does, with headers). */
export const openStream = async (url: string, headers: Record<string, string> = {}): Promise<StreamClient> => {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const received: StreamClient['received'] = [];
  if (res.status === 200 && res.body !== null) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    const pump = async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = frame
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (data !== '') received.push(JSON.parse(data));
        }
      }
    };
    pump().catch(() => undefined);
  } else await res.body?.cancel();
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    received,
    close: () => abort.abort(),
  };
};
