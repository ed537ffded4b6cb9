import { Field, ObjectType } from 'type-graphql';
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
