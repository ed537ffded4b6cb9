import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { Initiative } from '../initiatives/index.js';
import { Organisation } from '../organisations/index.js';
import { RecordActivityInput } from './activity.inputs.js';
import { Activity } from './activity.type.js';

@Resolver(() => Activity)
export class ActivityResolver {
  @FieldResolver(() => Initiative, { nullable: true })
  initiative(
    @Root() activity: Activity,
    @Ctx() { scope, services }: Context,
  ): Promise<Initiative | null> | null {
    return activity.initiativePk === null ? null : services.initiatives.byPk(scope, activity.initiativePk);
  }

  @FieldResolver(() => [Organisation])
  organisers(@Root() activity: Activity, @Ctx() { scope, services }: Context): Promise<Organisation[]> {
    return services.activities.organisationsOf(scope, activity.pk, 'ORGANISER');
  }

  @FieldResolver(() => [Organisation])
  participants(@Root() activity: Activity, @Ctx() { scope, services }: Context): Promise<Organisation[]> {
    return services.activities.organisationsOf(scope, activity.pk, 'PARTICIPANT');
  }

  @Mutation(() => Activity, { description: 'Records a community activity. Emits ACTIVITY_RECORDED.' })
  recordActivity(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => RecordActivityInput) input: RecordActivityInput,
  ): Promise<Activity> {
    return services.activities.record(scope, input);
  }
}
