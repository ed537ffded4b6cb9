import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../infra/graphql/scalars.js';
import { Organisation } from '../organisations/index.js';
import { Role } from '../../vocabulary.js';

/**
 * The GraphQL `Viewer`: what the API shows of the caller (the caller itself is infra's `Viewer`). Other modules
 * add fields of their own to it (the notifications module: follows, notifications, unreadCount).
 */
@ObjectType('Viewer', { description: 'Who is calling: organisation and role are null when anonymous.' })
export class ViewerType {
  @Field(() => Organisation, { nullable: true })
  organisation: Organisation | null;

  @Field(() => Role, { nullable: true })
  role: Role | null;
}

@ObjectType('RateLimit', {
  description:
    'Your rate limit as this request left it: points of the hour (an operation spends one per 100 objects it may return, at least one; see `MAX_QUERY_COST`), as the x-ratelimit-* headers say.',
})
export class RateLimitType {
  @Field(() => Int, { description: 'Points an hour.' })
  limit: number;

  @Field(() => Int, { description: 'Points left this hour.' })
  remaining: number;

  @Field(() => Int, { description: 'Points spent this hour.' })
  used: number;

  @Field(() => DateTimeScalar, { description: 'When the hour is whole again.' })
  resetAt: Date;

  @Field(() => Int, { description: 'What this operation spent.' })
  cost: number;
}
