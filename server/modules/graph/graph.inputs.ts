import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../../infra/graphql/scalars.js';
import { GraphEdgeKind, OrganisationKind, PartnershipKind, Pillar, Theme } from '../../vocabulary.js';

@InputType({
  description: 'Which part of the network to draw. Filters combine with AND; values in a list with OR.',
})
export class GraphFilter {
  @Field(() => [OrganisationKind], { nullable: true, description: 'Only organisations of these kinds.' })
  organisationKinds?: OrganisationKind[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Only organisations covering one of these provinces (ISO 3166-2:NL, e.g. NL-NB).',
  })
  provinces?: string[] | null;

  @Field(() => [PartnershipKind], { nullable: true, description: 'Only partnerships of these kinds.' })
  partnershipKinds?: PartnershipKind[] | null;

  @Field(() => [GraphEdgeKind], { nullable: true, description: 'Only edges of these kinds.' })
  edgeKinds?: GraphEdgeKind[] | null;

  @Field(() => [Theme], {
    nullable: true,
    description: 'Only initiatives and partnerships with one of these themes.',
  })
  themes?: Theme[] | null;

  @Field(() => [Pillar], {
    nullable: true,
    description: 'Only initiatives with one of these pillars (partnerships are not restricted by pillar).',
  })
  pillars?: Pillar[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The network as it stood that day (YYYY-MM-DD); today when not given.',
  })
  asOf?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description:
      'Whether organisations without a tie in this view are nodes. true (the default): every organisation the other filters select; false: only those with a tie, e.g. the organisations active in a theme or in the network of a past day.',
  })
  isolated?: boolean | null;
}
