// Test stand-in for Boost.Range's <boost/range/algorithm/transform.hpp>,
// written for corolint's tests: the single-range overload.
#pragma once

namespace boost {
namespace range {

template <class SinglePassRange, class OutputIterator, class UnaryOperation>
OutputIterator transform(const SinglePassRange &rng, OutputIterator out,
                         UnaryOperation fun) {
  for (auto it = rng.begin(); it != rng.end(); ++it)
    *out++ = fun(*it);
  return out;
}

} // namespace range
using range::transform;
} // namespace boost
