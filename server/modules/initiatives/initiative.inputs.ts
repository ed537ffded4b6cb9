import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../infra/graphql/scalars.js';
import { ExternalLinkInput } from '../../infra/graphql/external-link.js';
import * as valid from '../../infra/validation.js';
import { Writable } from '../../infra/validation.js';
import {
  Confidence,
  CoreTask,
  InitiativeKind,
  InitiativeStatus,
  Pillar,
  Theme,
  Visibility,
} from '../../vocabulary.js';

@InputType({ description: 'Filters combine with AND; values inside one list combine with OR.' })
export class InitiativeFilter {
  @Field(() => [Theme], { nullable: true })
  themes?: Theme[] | null;

  @Field(() => [Pillar], { nullable: true })
  pillars?: Pillar[] | null;

  @Field(() => [CoreTask], { nullable: true })
  coreTasks?: CoreTask[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Initiatives serving one of these markets (ISO 3166-1 alpha-2 codes).',
  })
  markets?: string[] | null;

  @Field(() => [InitiativeStatus], { nullable: true })
  statuses?: InitiativeStatus[] | null;

  @Field(() => [InitiativeKind], { nullable: true })
  kinds?: InitiativeKind[] | null;

  @Field(() => ID, { nullable: true, description: 'Only initiatives this organisation takes part in.' })
  organisationId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: two or more ROMs take part; false: fewer than two.',
  })
  supraRegional?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Exactly this many ROMs take part (1: single-ROM initiatives that could be scaled up).',
  })
  romCount?: number | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on code or title.' })
  search?: string | null;
}

@InputType()
export class CreateInitiativeInput {
  @Writable(valid.code)
  @Field(() => String, { description: '1-64 letters, digits, _ or -; unique.' })
  code: string;

  @Writable(valid.text)
  @Field(() => String)
  title: string;

  @Writable(valid.optionalTextUpTo(300), { clearable: true })
  @Field(() => String, { nullable: true })
  titleEn?: string | null;

  @Writable(valid.optionalTextUpTo(10_000), { clearable: true })
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Writable(undefined, { fallback: InitiativeKind.PROGRAMME })
  @Field(() => InitiativeKind, { nullable: true, defaultValue: InitiativeKind.PROGRAMME })
  kind?: InitiativeKind | null;

  @Writable(valid.enumList, { clearable: true })
  @Field(() => [Theme], { nullable: true, defaultValue: [] })
  themes?: Theme[] | null;

  @Writable(valid.enumList, { clearable: true })
  @Field(() => [Pillar], { nullable: true, defaultValue: [] })
  pillars?: Pillar[] | null;

  @Writable(valid.enumList, { clearable: true })
  @Field(() => [CoreTask], { nullable: true, defaultValue: [] })
  coreTasks?: CoreTask[] | null;

  @Writable(valid.countryCodes, { clearable: true })
  @Field(() => [String], {
    nullable: true,
    defaultValue: [],
    description: 'Foreign markets it serves: ISO 3166-1 alpha-2 codes such as JP (at most 50).',
  })
  markets?: string[] | null;

  @Writable(undefined, { fallback: InitiativeStatus.PLANNED })
  @Field(() => InitiativeStatus, { nullable: true, defaultValue: InitiativeStatus.PLANNED })
  status?: InitiativeStatus | null;

  @Writable(valid.optionalDate, { clearable: true })
  @Field(() => DateScalar, { nullable: true })
  startsOn?: string | null;

  @Writable(valid.optionalDate, { clearable: true })
  @Field(() => DateScalar, { nullable: true })
  endsOn?: string | null;

  @Writable(undefined, { fallback: Visibility.NETWORK })
  @Field(() => Visibility, { nullable: true, defaultValue: Visibility.NETWORK })
  visibility?: Visibility | null;

  @Field(() => ID, { description: 'The leading organisation; it joins the initiative as LEAD.' })
  leadOrganisationId: string;

  @Field(() => ID, { nullable: true, description: 'The initiative this one is part of.' })
  parentId?: string | null;

  @Writable(valid.optionalTextUpTo(2000), { clearable: true })
  @Field(() => String, { nullable: true })
  source?: string | null;

  @Writable(undefined, { fallback: Confidence.CONFIRMED })
  @Field(() => Confidence, { nullable: true, defaultValue: Confidence.CONFIRMED })
  confidence?: Confidence | null;

  @Writable(valid.externalLinks, { clearable: true })
  @Field(() => [ExternalLinkInput], { nullable: true, description: 'At most 20; null or [] clears them.' })
  externalLinks?: ExternalLinkInput[] | null;
}

@InputType({ description: 'Only the fields given change; null clears an optional field.' })
export class UpdateInitiativeInput {
  @Field(() => ID)
  id: string;

  @Writable(valid.text)
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Writable(valid.optionalTextUpTo(300), { clearable: true })
  @Field(() => String, { nullable: true })
  titleEn?: string | null;

  @Writable(valid.optionalTextUpTo(10_000), { clearable: true })
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Writable()
  @Field(() => InitiativeKind, { nullable: true })
  kind?: InitiativeKind | null;

  @Writable(valid.enumList, { clearable: true })
  @Field(() => [Theme], { nullable: true })
  themes?: Theme[] | null;

  @Writable(valid.enumList, { clearable: true })
  @Field(() => [Pillar], { nullable: true })
  pillars?: Pillar[] | null;

  @Writable(valid.enumList, { clearable: true })
  @Field(() => [CoreTask], { nullable: true })
  coreTasks?: CoreTask[] | null;

  @Writable(valid.countryCodes, { clearable: true })
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes; [] clears them.' })
  markets?: string[] | null;

  @Writable()
  @Field(() => InitiativeStatus, { nullable: true })
  status?: InitiativeStatus | null;

  @Writable(valid.optionalDate, { clearable: true })
  @Field(() => DateScalar, { nullable: true })
  startsOn?: string | null;

  @Writable(valid.optionalDate, { clearable: true })
  @Field(() => DateScalar, { nullable: true })
  endsOn?: string | null;

  @Writable()
  @Field(() => Visibility, { nullable: true })
  visibility?: Visibility | null;

  @Field(() => ID, { nullable: true })
  leadOrganisationId?: string | null;

  @Writable(valid.optionalTextUpTo(2000), { clearable: true })
  @Field(() => String, { nullable: true })
  source?: string | null;

  @Writable()
  @Field(() => Confidence, { nullable: true })
  confidence?: Confidence | null;

  @Writable(valid.externalLinks, { clearable: true })
  @Field(() => [ExternalLinkInput], { nullable: true, description: 'At most 20; null or [] clears them.' })
  externalLinks?: ExternalLinkInput[] | null;
}
