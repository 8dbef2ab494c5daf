"""Contract of model stg_documents: every published document once, in a cluster."""

import great_expectations.expectations as gxe

from newsfacts.quality.suite import Suite

SUITE = Suite(
    table="stg_documents",
    expectations=[
        gxe.ExpectColumnValuesToNotBeNull(column="doc_id"),
        gxe.ExpectColumnValuesToBeUnique(column="doc_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="cluster_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="is_original"),
    ],
)
