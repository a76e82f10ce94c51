import type { Admin } from 'kafkajs';
import { watchedGroups } from '../config.ts';

export type PartitionLag = Readonly<{ partition: number; committed: string; end: string; lag: number }>;
export type TopicLag = Readonly<{ topic: string; lag: number; partitions: PartitionLag[] }>;
export type GroupLag = Readonly<{
  group: string;
  groupId: string;
  state: string;
  members: number;
  lag: number;
  topics: TopicLag[];
}>;

/**
 * Per group: the committed offsets (`fetchOffsets`) against each partition's end (`fetchTopicOffsets`). A partition
 * with nothing committed counts from its first retained offset.
 */
export const consumerLag = async (admin: Admin, topicName: (t: string) => string): Promise<{ groups: GroupLag[] }> => {
  const ids = watchedGroups.map((g) => topicName(g));
  const described = await admin.describeGroups(ids);
  const ends = new Map<string, Promise<{ partition: number; high: string; low: string }[]>>();
  const endsOf = (topic: string) => {
    const found = ends.get(topic) ?? admin.fetchTopicOffsets(topic);
    ends.set(topic, found);
    return found;
  };
  const groups = await Promise.all(
    watchedGroups.map(async (group, i) => {
      const groupId = ids[i] ?? group;
      const d = described.groups.find((g) => g.groupId === groupId);
      const committed = await admin.fetchOffsets({ groupId });
      const topics = await Promise.all(
        committed.map(async (t) => {
          const topicEnds = await endsOf(t.topic);
          const partitions = topicEnds.map((e) => {
            const c = t.partitions.find((p) => p.partition === e.partition)?.offset ?? '-1';
            const from = c === '-1' ? e.low : c;
            return {
              partition: e.partition,
              committed: c,
              end: e.high,
              lag: Math.max(0, Number(BigInt(e.high) - BigInt(from))),
            };
          });
          return { topic: t.topic, lag: partitions.reduce((n, p) => n + p.lag, 0), partitions };
        }),
      );
      return {
        group,
        groupId,
        state: d?.state ?? 'Unknown',
        members: d?.members.length ?? 0,
        lag: topics.reduce((n, t) => n + t.lag, 0),
        topics,
      };
    }),
  );
  return { groups };
};
