#include <catch2/catch.hpp>

#include "core/money.hpp"

using yibao::Money;

TEST_CASE("money is kept in fen and shown in yuan", "[money]") {
    CHECK(Money::from_yuan(462).fen == 46200);
    CHECK(Money::from_fen(46200).yuan_text() == "462元");
    CHECK(Money::from_fen(10450).yuan_text() == "104.50元");
    CHECK(Money::from_fen(10405).yuan_text() == "104.05元");
    CHECK(Money::from_fen(0).yuan_text() == "0元");
}

TEST_CASE("money sums exactly", "[money]") {
    Money total;
    for (int i = 0; i < 3'960'000; ++i) total += Money::from_fen(45000);
    CHECK(total.fen == 178'200'000'000);
    CHECK(Money::from_fen(1) + Money::from_fen(2) == Money::from_fen(3));
}
