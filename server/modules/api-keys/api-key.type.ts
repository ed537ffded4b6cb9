import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../infra/graphql/connection.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { DateTimeScalar } from '../../infra/graphql/scalars.js';
import { Node } from '../nodes/index.js';

export enum ApiKeyScope {
  READ = 'READ',
  READ_WRITE = 'READ_WRITE',
}
registerEnumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'READ acts as a VIEWER of the organisation, READ_WRITE as an EDITOR.',
});

@ObjectType({
  implements: Node,
  description: "A partner system's key for one organisation. The secret is never shown again.",
})
export class ApiKey extends Node {
  pk: number;
  organisationPk: number;

  @Field(() => ID)
  override get id(): string {
    return toGlobalId('ApiKey', this.pk);
  }

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'The visible start of the key, to tell keys apart.' })
  prefix: string;

  @Field(() => ApiKeyScope)
  scope: ApiKeyScope;

  @Field(() => Boolean, {
    description:
      "Whether the key may send only the trusted documents registered with the server (the SDK's and the dashboard's operations).",
  })
  trustedDocumentsOnly: boolean;

  @Field(() => DateTimeScalar)
  createdAt: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Updated at most once a minute.' })
  lastUsedAt: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  expiresAt: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt: string | null;
}

@ObjectType({
  description: 'A new key: `key` is the plaintext, shown this once. Store it in a secret store.',
})
export class CreatedApiKey {
  @Field(() => String, { description: 'Send as `Authorization: ApiKey <key>`.' })
  key: string;

  @Field(() => ApiKey)
  apiKey: ApiKey;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID)
  organisationId: string;

  @Field(() => String, { description: 'What the key is for, e.g. "CRM sync".' })
  name: string;

  @Field(() => ApiKeyScope)
  scope: ApiKeyScope;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Accept only trusted documents from this key (those registered with the server, by their SHA-256): a stolen key can then run nothing but the operations the integration was built with. Default false.',
  })
  trustedDocumentsOnly?: boolean | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the key stops working; none means never.',
  })
  expiresAt?: Date | null;
}

export const ApiKeyConnection = ConnectionType(ApiKey, 'ApiKey');
